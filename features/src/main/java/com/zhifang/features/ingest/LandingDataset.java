package com.zhifang.features.ingest;

import com.zhifang.features.phone.NormalizedNumber;
import com.zhifang.features.schema.Tables;
import org.apache.spark.sql.types.StructType;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

import static com.zhifang.features.schema.Columns.*;

/**
 * The landing zone's datasets: where their files live, which header columns they need, how one
 * record is parsed and validated, and which table it lands in.
 *
 * <p>Events (voice, sms, complaints, police, feedback) are deduplicated on {@code record_id} and
 * partitioned by their own day; complaints, notices and decisions have no record id in the contract,
 * so theirs is a hash of the fields that identify them (a re-delivered complaint is the same
 * complaint). Reference snapshots replace the snapshot of their landing day.
 */
public enum LandingDataset {
    VOICE("voice", null, Tables.VOICE_CALLS, Kind.EVENT, List.of(RECORD_ID),
            List.of(RECORD_ID, RECORD_TYPE, START_TIME, CALLED_NUMBER, ANSWERED, DURATION_S, RELEASE_CAUSE, CLI_RESTRICTED),
            r -> {
                String recordId = r.required(RECORD_ID);
                String recordType = r.code(RECORD_TYPE, Set.of("MO", "MT", "GW"), QuarantineReason.UNKNOWN_RECORD_TYPE);
                Instant start = r.timestamp(START_TIME);
                NormalizedNumber calling = r.number(CALLING_NUMBER);
                NormalizedNumber called = r.requiredNumber(CALLED_NUMBER);
                Boolean answered = r.flag(ANSWERED);
                Integer duration = r.nonNegativeInt(DURATION_S, true);
                Integer ring = r.nonNegativeInt(RING_S, false);
                Integer cause = r.nonNegativeInt(RELEASE_CAUSE, true);
                Boolean restricted = r.flag(CLI_RESTRICTED);
                return new Object[] {recordId, recordType, start, r.dayOf(start),
                        calling.e164(), calling.raw(), calling.numberClass().name(),
                        called.e164(), called.raw(), called.numberClass().name(),
                        answered, duration, ring, cause, restricted,
                        r.optional(IMSI), r.optional(IMEI), r.optional(CELL_ID), r.optional(TRUNK_IN)};
            }),
    SMS("sms", null, Tables.SMS_MESSAGES, Kind.EVENT, List.of(RECORD_ID),
            List.of(RECORD_ID, RECORD_TYPE, SEND_TIME, RECIPIENT, SEGMENTS, DELIVERED),
            r -> {
                String recordId = r.required(RECORD_ID);
                String recordType = r.code(RECORD_TYPE, Set.of("MO", "MT", "PORT"), QuarantineReason.UNKNOWN_RECORD_TYPE);
                Instant sent = r.timestamp(SEND_TIME);
                NormalizedNumber sender = r.number(SENDER);
                NormalizedNumber recipient = r.requiredNumber(RECIPIENT);
                Integer segments = r.nonNegativeInt(SEGMENTS, true);
                if (segments == 0) {
                    throw new RejectedRecordException(QuarantineReason.BAD_NUMBER_FIELD, SEGMENTS, "segments is 0; must be >= 1");
                }
                Boolean delivered = r.flag(DELIVERED);
                return new Object[] {recordId, recordType, sent, r.dayOf(sent),
                        sender.e164(), sender.raw(), sender.numberClass().name(),
                        recipient.e164(), recipient.raw(), recipient.numberClass().name(),
                        r.optional(IMSI), r.optional(IMEI), r.optional(CELL_ID), r.optional(PORT_CUSTOMER),
                        segments, delivered, r.optional(CONTENT)};
            }),
    COMPLAINTS("complaints", null, Tables.COMPLAINTS, Kind.EVENT, List.of(RECORD_ID),
            List.of(REPORTED_NUMBER, REPORTED_AT, CATEGORY),
            r -> {
                NormalizedNumber reported = r.requiredNumber(REPORTED_NUMBER);
                Instant reportedAt = r.timestamp(REPORTED_AT);
                String category = r.code(CATEGORY, Set.of("FRAUD", "HARASSMENT", "SPAM_SMS", "ADVERT"), QuarantineReason.UNKNOWN_CODE);
                String channel = r.optional(CHANNEL);
                if (channel != null && !Set.of("12321", "APP", "HOTLINE").contains(channel)) {
                    throw new RejectedRecordException(QuarantineReason.UNKNOWN_CODE, CHANNEL,
                            "channel '" + FieldReader.abbreviate(channel) + "' is not one of [12321, APP, HOTLINE]");
                }
                String reporter = r.optional(REPORTER_HASH);
                String key = contentKey("complaint", reported.e164(), reportedAt.toString(), category, channel, reporter);
                return new Object[] {key, reported.e164(), reported.raw(), reported.numberClass().name(),
                        reportedAt, r.dayOf(reportedAt), category, channel, reporter};
            }),
    POLICE("police", null, Tables.POLICE_NOTICES, Kind.EVENT, List.of(RECORD_ID),
            List.of(NUMBER, NOTIFIED_ON),
            r -> {
                NormalizedNumber number = r.requiredNumber(NUMBER);
                LocalDate notifiedOn = r.date(NOTIFIED_ON, true);
                String caseRef = r.optional(CASE_REF);
                String key = contentKey("police", number.e164(), notifiedOn.toString(), caseRef);
                return new Object[] {key, number.e164(), number.raw(), number.numberClass().name(), notifiedOn, notifiedOn, caseRef};
            }),
    FEEDBACK("feedback", null, Tables.FEEDBACK, Kind.EVENT, List.of(RECORD_ID),
            List.of(ENTITY_TYPE, ENTITY_ID, DECIDED_ON, OUTCOME),
            r -> {
                String entityType = r.code(ENTITY_TYPE, Set.of("NUMBER", "TRUNK", "DEVICE", "PORT_CUSTOMER"), QuarantineReason.UNKNOWN_CODE);
                String rawId = r.required(ENTITY_ID);
                String entityId = "NUMBER".equals(entityType) ? usable(r.numbers().normalize(rawId), ENTITY_ID).e164() : rawId;
                LocalDate decidedOn = r.date(DECIDED_ON, true);
                String outcome = r.code(OUTCOME, Set.of("CONFIRMED_FRAUD", "FALSE_POSITIVE", "RESTORED_ON_APPEAL"), QuarantineReason.UNKNOWN_CODE);
                String note = r.optional(NOTE);
                String key = contentKey("feedback", entityType, entityId, decidedOn.toString(), outcome);
                return new Object[] {key, entityType, entityId, rawId, decidedOn, decidedOn, outcome, note};
            }),
    SUBSCRIBERS("reference", "subscribers", Tables.REF_SUBSCRIBERS, Kind.SNAPSHOT, List.of(MSISDN),
            List.of(MSISDN, ACTIVATED_ON),
            r -> {
                NormalizedNumber msisdn = usable(r.requiredNumber(MSISDN), MSISDN);
                LocalDate activated = r.date(ACTIVATED_ON, true);
                String plan = optionalCode(r, PLAN, Set.of("PREPAID", "POSTPAID"));
                String customerType = optionalCode(r, CUSTOMER_TYPE, Set.of("PERSONAL", "ENTERPRISE"));
                Boolean verified = r.optional(REAL_NAME_VERIFIED) == null ? null : r.flag(REAL_NAME_VERIFIED);
                String status = optionalCode(r, STATUS, Set.of("ACTIVE", "SUSPENDED", "CLOSED"));
                return new Object[] {msisdn.e164(), msisdn.raw(), r.optional(IMSI), activated, plan, customerType,
                        r.optional(ID_HASH), verified, r.optional(RESELLER_ID), status};
            }),
    TRUNKS("reference", "trunks", Tables.REF_TRUNKS, Kind.SNAPSHOT, List.of(TRUNK_ID),
            List.of(TRUNK_ID, TRUNK_TYPE),
            r -> {
                String trunkId = r.required(TRUNK_ID);
                String type = r.code(TRUNK_TYPE, Set.of("INTERNATIONAL", "INTERCONNECT", "PRIVATE_LINE"), QuarantineReason.UNKNOWN_CODE);
                String authorized = r.optional(AUTHORIZED_CLI);
                List<String> prefixes = authorized == null ? List.of()
                        : java.util.Arrays.stream(authorized.split(";")).map(String::strip).filter(s -> !s.isEmpty())
                                .map(NumberPrefixes::toE164Prefix).toList();
                return new Object[] {trunkId, type, r.optional(OWNER), authorized,
                        prefixes.toArray(new String[0])};
            }),
    ALLOWLIST("reference", "allowlist", Tables.REF_ALLOWLIST, Kind.SNAPSHOT, List.of(NUMBER, IS_PREFIX),
            List.of(NUMBER),
            r -> {
                String raw = r.required(NUMBER);
                boolean prefix = raw.endsWith("*");
                String number = prefix ? NumberPrefixes.toE164Prefix(raw.substring(0, raw.length() - 1))
                        : usable(r.numbers().normalize(raw), NUMBER).e164();
                return new Object[] {number, raw, prefix, r.optional(OWNER), r.optional(CATEGORY), r.date(VALID_UNTIL, false)};
            }),
    ROAMING("reference", "roaming", Tables.REF_ROAMING, Kind.SNAPSHOT, List.of(MSISDN),
            List.of(MSISDN),
            r -> {
                NormalizedNumber msisdn = usable(r.requiredNumber(MSISDN), MSISDN);
                return new Object[] {msisdn.e164(), msisdn.raw(), r.optional(VISITED_COUNTRY), r.date(SINCE, false)};
            });

    /** How a dataset is written. */
    public enum Kind {
        /** Deduplicated on record_id (Delta MERGE), partitioned by the record's own day. */
        EVENT,
        /** A full state as of its landing day: replaces that day's snapshot partition. */
        SNAPSHOT
    }

    private final String folder;
    private final String fileStem;
    private final String table;
    private final Kind kind;
    private final List<String> keyColumns;
    private final List<String> requiredColumns;
    private final RecordParser parser;

    LandingDataset(String folder, String fileStem, String table, Kind kind, List<String> keyColumns,
                   List<String> requiredColumns, RecordParser parser) {
        this.folder = folder;
        this.fileStem = fileStem;
        this.table = table;
        this.kind = kind;
        this.keyColumns = keyColumns;
        this.requiredColumns = requiredColumns;
        this.parser = parser;
    }

    /** Sub-folder of a landing day. */
    public String folder() {
        return folder;
    }

    /** Whether a file in {@link #folder()} belongs to this dataset ({@code *.csv}, {@code *.csv.gz}). */
    public boolean accepts(String fileName) {
        boolean csv = fileName.endsWith(".csv") || fileName.endsWith(".csv.gz");
        if (!csv) {
            return false;
        }
        if (fileStem == null) {
            return true;
        }
        return fileName.equals(fileStem + ".csv") || fileName.equals(fileStem + ".csv.gz");
    }

    public String table() {
        return table;
    }

    public Kind kind() {
        return kind;
    }

    /** Columns that identify a record: one row per key is kept, the others count as duplicates. */
    public List<String> keyColumns() {
        return keyColumns;
    }

    /** Header columns a file must have; the others may be absent (then read as empty). */
    public List<String> requiredColumns() {
        return requiredColumns;
    }

    public RecordParser parser() {
        return parser;
    }

    /** The normalised table's schema, lineage columns included. */
    public StructType tableSchema() {
        return Tables.schemaOf(table);
    }

    /** Name used in reports and the quarantine's {@code dataset} column. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    private static String optionalCode(FieldReader r, String column, Set<String> allowed) throws RejectedRecordException {
        return r.optional(column) == null ? null : r.code(column, allowed, QuarantineReason.UNKNOWN_CODE);
    }

    private static NormalizedNumber usable(NormalizedNumber number, String column) throws RejectedRecordException {
        if (number.e164() == null) {
            throw new RejectedRecordException(QuarantineReason.INVALID_NUMBER, column,
                    column + " '" + FieldReader.abbreviate(String.valueOf(number.raw())) + "' is not a phone number");
        }
        return number;
    }

    /** Stable id for records whose contract has none: a hash of the fields that identify them. */
    static String contentKey(String... parts) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String part : parts) {
                sha.update(String.valueOf(part).getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
            }
            return HexFormat.of().formatHex(sha.digest(), 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
