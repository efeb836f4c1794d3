package com.zhifang.testkit.generate;

/** An SMS port customer (a company sending through a 106 port code); PORT records carry its id. */
final class Port {
    final String customerId;
    final String owner;
    final String[] codes;
    final double dailyMessages;
    /** The brand its texts are signed with. */
    final String brand;
    /** Legitimate ports: their own customers (subscriber indexes); spam ports text strangers. */
    int[] customers;

    Port(String customerId, String owner, String[] codes, double dailyMessages, String brand) {
        this.customerId = customerId;
        this.owner = owner;
        this.codes = codes;
        this.dailyMessages = dailyMessages;
        this.brand = brand;
    }
}
