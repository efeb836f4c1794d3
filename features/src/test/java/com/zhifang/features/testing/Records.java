package com.zhifang.features.testing;

import com.zhifang.features.catalog.Schemas;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;

/**
 * Hand-built normalised records (the tables ingest writes), for feature tests:
 * {@code Records.voice("v1", "MO", "2026-11-03T08:00:00", A, B).answered(30).row()}. Times are
 * carrier-local (Asia/Shanghai); the traffic day is the local date. Events have no content hash
 * (null), like rows stored before ingest kept one.
 */
public final class Records {
    private Records() {}

    public static final LocalDate LANDING = LocalDate.of(2026, 11, 3);

    public static Instant at(String localTime) {
        return LocalDateTime.parse(localTime).atZone(SparkTestSession.CARRIER_ZONE).toInstant();
    }

    public static LocalDate dayOf(String localTime) {
        return LocalDateTime.parse(localTime).toLocalDate();
    }

    /** Class of a number the way normalisation would give it (enough for tests). */
    public static String classOf(String e164) {
        if (e164 == null) {
            return "HIDDEN";
        }
        if (e164.startsWith("+861") && e164.length() == 14) {
            return "MOBILE";
        }
        if (e164.startsWith("+86106")) {
            return "SMS_PORT";
        }
        if (e164.startsWith("+86")) {
            return "FIXED_LINE";
        }
        return "INTERNATIONAL";
    }

    public static Voice voice(String id, String type, String localTime, String calling, String called) {
        return new Voice(id, type, localTime, calling, called);
    }

    public static Sms sms(String id, String type, String localTime, String sender, String recipient) {
        return new Sms(id, type, localTime, sender, recipient);
    }

    public static Row complaint(String id, String number, String localTime, String category, String channel, String reporter) {
        return RowFactory.create(id, number, number, classOf(number), at(localTime), dayOf(localTime), category, channel, reporter,
                LANDING, "c.csv", 2L, "run", null);
    }

    public static Row police(String number, LocalDate notifiedOn) {
        return RowFactory.create("p-" + number, number, number, classOf(number), notifiedOn, notifiedOn, "case", LANDING, "p.csv", 2L, "run", null);
    }

    /** A police notice with its case reference. */
    public static Row police(String number, LocalDate notifiedOn, String caseRef) {
        return RowFactory.create("p-" + number + notifiedOn, number, number, classOf(number), notifiedOn, notifiedOn, caseRef,
                LANDING, "p.csv", 2L, "run", null);
    }

    /** An action of operations on a line ({@code suspension_actions}), at a carrier-local time. */
    public static Row suspension(String number, String action, String localTime, String reason, String operator) {
        return RowFactory.create("s-" + number + localTime + action, number, number, classOf(number), action, at(localTime),
                dayOf(localTime), reason, operator, LANDING, "s.csv", 2L, "run", null);
    }

    /** A subscriber of the snapshot with its identity, reseller and status. */
    public static Row subscriber(String msisdn, String idHash, String reseller, String status, LocalDate snapshot) {
        return RowFactory.create(msisdn, msisdn, "imsi-" + msisdn, LocalDate.of(2025, 1, 1), "PREPAID", "PERSONAL", idHash, true,
                reseller, status, snapshot, "s.csv", 2L);
    }

    /** An allowlist entry (a number, or a prefix when {@code prefix}). */
    public static Row allowed(String number, boolean prefix, String owner, String category, LocalDate validUntil, LocalDate snapshot) {
        return RowFactory.create(number, number, prefix, owner, category, validUntil, snapshot, "a.csv", 2L);
    }

    public static Row subscriber(String msisdn, String imsi, LocalDate activated, String plan, String idHash, LocalDate snapshot) {
        return RowFactory.create(msisdn, msisdn, imsi, activated, plan, "PERSONAL", idHash, true, null, "ACTIVE", snapshot, "s.csv", 2L);
    }

    public static Row trunk(String id, String type, LocalDate snapshot, String... authorizedPrefixes) {
        return RowFactory.create(id, type, "owner " + id, String.join(";", authorizedPrefixes), authorizedPrefixes, snapshot, "t.csv", 2L);
    }

    public static Row roamer(String msisdn, LocalDate snapshot) {
        return RowFactory.create(msisdn, msisdn, "TH", snapshot, snapshot, "r.csv", 2L);
    }

    /** A row of the ported-number snapshot: {@code number} now served by {@code operator} since {@code portedOn}. */
    public static Row ported(String number, String operator, LocalDate portedOn, LocalDate snapshot) {
        return RowFactory.create(number, number, operator, portedOn, snapshot, "p.csv", 2L);
    }

    public static Dataset<Row> table(SparkSession spark, String table, Row... rows) {
        return table(spark, table, Arrays.asList(rows));
    }

    public static Dataset<Row> table(SparkSession spark, String table, List<Row> rows) {
        return spark.createDataFrame(rows, Schemas.schemaOf(table));
    }

    public static final class Voice {
        private final String id;
        private final String type;
        private final String time;
        private final String calling;
        private final String called;
        private boolean answered;
        private int duration;
        private Integer ring = 5;
        private int cause = 16;
        private boolean restricted;
        private String imsi;
        private String imei;
        private String cell;
        private String trunk;
        private String callingClass;
        private LocalDate landing = LANDING;

        private Voice(String id, String type, String time, String calling, String called) {
            this.id = id;
            this.type = type;
            this.time = time;
            this.calling = calling;
            this.called = called;
            if (!type.equals("GW")) {
                this.imsi = "imsi-" + (type.equals("MO") ? calling : called);
                this.imei = "imei-" + (type.equals("MO") ? calling : called);
                this.cell = "cell-1";
            }
        }

        public Voice answered(int seconds) { answered = true; duration = seconds; cause = 16; return this; }
        public Voice ring(Integer seconds) { ring = seconds; return this; }
        public Voice cause(int c) { cause = c; return this; }
        public Voice restricted() { restricted = true; return this; }
        public Voice device(String imsiValue, String imeiValue, String cellValue) { imsi = imsiValue; imei = imeiValue; cell = cellValue; return this; }
        public Voice trunk(String t) { trunk = t; return this; }
        public Voice callingClass(String c) { callingClass = c; return this; }
        public Voice landing(LocalDate d) { landing = d; return this; }

        public Row row() {
            return RowFactory.create(id, type, at(time), dayOf(time), calling, calling, callingClass != null ? callingClass : classOf(calling),
                    called, called, classOf(called), answered, duration, ring, cause, restricted, imsi, imei, cell, trunk,
                    landing, "v.csv", 2L, "run", null);
        }
    }

    public static final class Sms {
        private final String id;
        private final String type;
        private final String time;
        private final String sender;
        private final String recipient;
        private String content;
        private String portCustomer;
        private boolean delivered = true;
        private String imsi;
        private String imei;
        private String cell = "cell-1";
        private LocalDate landing = LANDING;

        private Sms(String id, String type, String time, String sender, String recipient) {
            this.id = id;
            this.type = type;
            this.time = time;
            this.sender = sender;
            this.recipient = recipient;
            if (!type.equals("PORT")) {
                String served = type.equals("MO") ? sender : recipient;
                imsi = "imsi-" + served;
                imei = "imei-" + served;
            } else {
                cell = null;
            }
        }

        public Sms content(String text) { content = text; return this; }
        public Sms port(String customer) { portCustomer = customer; return this; }
        public Sms undelivered() { delivered = false; return this; }
        public Sms landing(LocalDate d) { landing = d; return this; }

        public Row row() {
            return RowFactory.create(id, type, at(time), dayOf(time), sender, sender, classOf(sender), recipient, recipient,
                    classOf(recipient), imsi, imei, cell, portCustomer, 1, delivered, content, landing, "s.csv", 2L, "run", null);
        }
    }
}
