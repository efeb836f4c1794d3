package com.zhifang.testkit.generate;

/** A trunk into our network, as listed in {@code trunks.csv}; calls entering on it have a GW leg. */
final class Trunk {

    enum Type { INTERNATIONAL, INTERCONNECT, PRIVATE_LINE }

    final String id;
    final Type type;
    final String owner;
    /** Private lines: prefixes the owner may present, as signalled (national form). */
    final String[] authorizedCli;
    /** Private lines of legitimate call centres: the service number presented most of the time. */
    String serviceNumber;
    /** LEGITIMATE kind (BANK_CALL_CENTRE, COURIER_PLATFORM) or null. */
    String legitKind;
    boolean spoofing;
    /** Spoofing trunks: innocent numbers presented (national significant numbers). */
    long[] victimNumbers = new long[0];
    /** Mean calls a day of the actor owning the trunk (0 for the carriers' and interconnect trunks). */
    double dailyCalls;

    Trunk(String id, Type type, String owner, String[] authorizedCli) {
        this.id = id;
        this.type = type;
        this.owner = owner;
        this.authorizedCli = authorizedCli;
    }

    String authorizedCliField() {
        return authorizedCli == null ? "" : String.join(";", authorizedCli);
    }
}
