package com.zhifang.testkit.generate;

/** Behaviour of one of our subscribers. */
enum Role {
    ORDINARY,
    /** Closed or suspended line in the subscriber table, no traffic. */
    DORMANT,
    COURIER,
    RIDE_HAIL_DRIVER,
    SHOP,
    TELEMARKETER,
    BULK_CALLER,
    SIMBOX_SIM,
    SCANNER,
    SPAM_SIM,
    RING_MEMBER;

    boolean fraud() {
        return this == BULK_CALLER || this == SIMBOX_SIM || this == SCANNER || this == SPAM_SIM || this == RING_MEMBER;
    }
}
