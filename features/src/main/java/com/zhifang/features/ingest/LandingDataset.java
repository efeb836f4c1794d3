package com.zhifang.features.ingest;

import com.zhifang.features.catalog.Schemas;
import com.zhifang.features.domain.CallRecordType;
import com.zhifang.features.domain.Code;
import com.zhifang.features.domain.ComplaintCategory;
import com.zhifang.features.domain.ComplaintChannel;
import com.zhifang.features.domain.CustomerType;
import com.zhifang.features.domain.EntityType;
import com.zhifang.features.domain.FeedbackOutcome;
import com.zhifang.features.domain.Plan;
import com.zhifang.features.domain.SmsRecordType;
import com.zhifang.features.domain.SubscriberStatus;
import com.zhifang.features.domain.SuspensionAction;
import com.zhifang.features.domain.TrunkType;
import com.zhifang.features.phone.NormalizedNumber;
import com.zhifang.features.schema.RowValues;
import com.zhifang.features.schema.Tables;
import org.apache.spark.sql.types.StructType;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

import static com.zhifang.features.schema.RecordColumns.*;

/**
 * The landing zone's datasets: where their files live, which header columns they need, how one
 * record is parsed and validated, and which table it lands in.
 *
 * <p>Events (voice, sms, complaints, police, feedback, suspensions) are deduplicated on {@code record_id} and
 * partitioned by their own day; complaints, notices and decisions have no record id in the contract,
 * so theirs is a hash of the fields that identify them (a re-delivered complaint is the same
 * complaint). Reference snapshots replace the snapshot of their landing day.
 */
public enum LandingDataset {
    VOICE("voice", null, Tables.VOICE_CALLS, Kind.EVENT, List.of(RECORD_ID),
            List.of(RECORD_ID, RECORD_TYPE, START_TIME, CALLED_NUMBER, ANSWERED, DURATION_S, RELEASE_CAUSE, CLI_RESTRICTED),
            (r, row) -> {
                row.set(RECORD_ID, r.required(RECORD_ID));
                CallRecordType type = r.code(RECORD_TYPE, CallRecordType.class, QuarantineReason.UNKNOWN_RECORD_TYPE);
                row.set(RECORD_TYPE, type.code());
                Instant start = r.timestamp(START_TIME);
                row.set(START_TIME, start).set(TRAFFIC_DAY, r.dayOf(start));
                // Our subscriber's own caller number must be a number; a caller ID as another network signalled it may not be.
                setNumber(row, type == CallRecordType.MO ? r.ownNetworkNumber(CALLING_NUMBER) : r.number(CALLING_NUMBER),
                        CALLING_NUMBER, CALLING_RAW, CALLING_CLASS);
                setNumber(row, r.requiredNumber(CALLED_NUMBER), CALLED_NUMBER, CALLED_RAW, CALLED_CLASS);
                row.set(ANSWERED, r.flag(ANSWERED));
                row.set(DURATION_S, r.nonNegativeInt(DURATION_S, true));
                row.set(RING_S, r.nonNegativeInt(RING_S, false));
                row.set(RELEASE_CAUSE, r.nonNegativeInt(RELEASE_CAUSE, true));
                row.set(CLI_RESTRICTED, r.flag(CLI_RESTRICTED));
                setOptional(r, row, IMSI, IMEI, CELL_ID, TRUNK_IN);
            }),
    SMS("sms", null, Tables.SMS_MESSAGES, Kind.EVENT, List.of(RECORD_ID),
            List.of(RECORD_ID, RECORD_TYPE, SEND_TIME, RECIPIENT, SEGMENTS, DELIVERED),
            (r, row) -> {
                row.set(RECORD_ID, r.required(RECORD_ID));
                SmsRecordType type = r.code(RECORD_TYPE, SmsRecordType.class, QuarantineReason.UNKNOWN_RECORD_TYPE);
                row.set(RECORD_TYPE, type.code());
                Instant sent = r.timestamp(SEND_TIME);
                row.set(SEND_TIME, sent).set(TRAFFIC_DAY, r.dayOf(sent));
                // A sender our network issued (a subscriber's number, a port code) must be a number; one another network signalled may not be.
                setNumber(row, type == SmsRecordType.MT ? r.number(SENDER) : r.ownNetworkNumber(SENDER), SENDER, SENDER_RAW, SENDER_CLASS);
                setNumber(row, r.requiredNumber(RECIPIENT), RECIPIENT, RECIPIENT_RAW, RECIPIENT_CLASS);
                setOptional(r, row, IMSI, IMEI, CELL_ID, PORT_CUSTOMER);
                Integer segments = r.nonNegativeInt(SEGMENTS, true);
                if (segments == 0) {
                    throw new RejectedRecordException(QuarantineReason.BAD_NUMBER_FIELD, SEGMENTS, "segments is 0; must be >= 1");
                }
                row.set(SEGMENTS, segments);
                row.set(DELIVERED, r.flag(DELIVERED));
                setOptional(r, row, CONTENT);
            }),
    COMPLAINTS("complaints", null, Tables.COMPLAINTS, Kind.EVENT, List.of(RECORD_ID),
            List.of(REPORTED_NUMBER, REPORTED_AT, CATEGORY),
            (r, row) -> {
                NormalizedNumber reported = r.requiredNumber(REPORTED_NUMBER);
                Instant reportedAt = r.timestamp(REPORTED_AT);
                String category = r.code(CATEGORY, ComplaintCategory.class, QuarantineReason.UNKNOWN_CODE).code();
                ComplaintChannel channel = r.optionalCode(CHANNEL, ComplaintChannel.class, QuarantineReason.UNKNOWN_CODE);
                String channelCode = channel == null ? null : channel.code();
                String reporter = r.optional(REPORTER_HASH);
                row.set(RECORD_ID, contentKey("complaint", reported.e164(), reportedAt.toString(), category, channelCode, reporter));
                setNumber(row, reported, REPORTED_NUMBER, REPORTED_RAW, REPORTED_CLASS);
                row.set(REPORTED_AT, reportedAt).set(EVENT_DAY, r.dayOf(reportedAt));
                row.set(CATEGORY, category).set(CHANNEL, channelCode).set(REPORTER_HASH, reporter);
            }),
    POLICE("police", null, Tables.POLICE_NOTICES, Kind.EVENT, List.of(RECORD_ID),
            List.of(NUMBER, NOTIFIED_ON),
            (r, row) -> {
                NormalizedNumber number = r.requiredNumber(NUMBER);
                LocalDate notifiedOn = r.date(NOTIFIED_ON, true);
                String caseRef = r.optional(CASE_REF);
                row.set(RECORD_ID, contentKey("police", number.e164(), notifiedOn.toString(), caseRef));
                setNumber(row, number, NUMBER, NUMBER_RAW, NUMBER_CLASS);
                row.set(NOTIFIED_ON, notifiedOn).set(EVENT_DAY, notifiedOn).set(CASE_REF, caseRef);
            }),
    FEEDBACK("feedback", null, Tables.FEEDBACK, Kind.EVENT, List.of(RECORD_ID),
            List.of(ENTITY_TYPE, ENTITY_ID, DECIDED_ON, OUTCOME),
            (r, row) -> {
                EntityType entityType = r.code(ENTITY_TYPE, EntityType.class, QuarantineReason.UNKNOWN_CODE);
                String rawId = r.required(ENTITY_ID);
                String entityId = entityType == EntityType.NUMBER ? r.requiredNumber(ENTITY_ID).e164() : rawId;
                LocalDate decidedOn = r.date(DECIDED_ON, true);
                String outcome = r.code(OUTCOME, FeedbackOutcome.class, QuarantineReason.UNKNOWN_CODE).code();
                row.set(RECORD_ID, contentKey("feedback", entityType.code(), entityId, decidedOn.toString(), outcome));
                row.set(ENTITY_TYPE, entityType.code()).set(ENTITY_ID, entityId).set(ENTITY_ID_RAW, rawId);
                row.set(DECIDED_ON, decidedOn).set(EVENT_DAY, decidedOn).set(OUTCOME, outcome);
                setOptional(r, row, NOTE);
            }),
    /**
     * Extension: what operations did to a line, the closed loop of police notices. Identified by number, time and
     * action (a re-sent action with another reason or operator is a conflicting duplicate); its day is the carrier-local
     * date of {@code acted_at}.
     */
    SUSPENSIONS("suspensions", null, Tables.SUSPENSION_ACTIONS, Kind.EVENT, List.of(RECORD_ID),
            List.of(NUMBER, ACTION, ACTED_AT),
            (r, row) -> {
                NormalizedNumber number = r.requiredNumber(NUMBER);
                String action = r.code(ACTION, SuspensionAction.class, QuarantineReason.UNKNOWN_CODE).code();
                Instant actedAt = r.timestamp(ACTED_AT);
                row.set(RECORD_ID, contentKey("suspension", number.e164(), actedAt.toString(), action));
                setNumber(row, number, NUMBER, NUMBER_RAW, NUMBER_CLASS);
                row.set(ACTION, action).set(ACTED_AT, actedAt).set(EVENT_DAY, r.dayOf(actedAt));
                setOptional(r, row, REASON, OPERATOR);
            }),
    SUBSCRIBERS("reference", "subscribers", Tables.REF_SUBSCRIBERS, Kind.SNAPSHOT, List.of(MSISDN),
            List.of(MSISDN, ACTIVATED_ON),
            (r, row) -> {
                NormalizedNumber msisdn = r.requiredNumber(MSISDN);
                row.set(MSISDN, msisdn.e164()).set(MSISDN_RAW, msisdn.raw());
                row.set(ACTIVATED_ON, r.date(ACTIVATED_ON, true));
                row.set(PLAN, codeOrNull(r.optionalCode(PLAN, Plan.class, QuarantineReason.UNKNOWN_CODE)));
                row.set(CUSTOMER_TYPE, codeOrNull(r.optionalCode(CUSTOMER_TYPE, CustomerType.class, QuarantineReason.UNKNOWN_CODE)));
                row.set(REAL_NAME_VERIFIED, r.optional(REAL_NAME_VERIFIED) == null ? null : r.flag(REAL_NAME_VERIFIED));
                row.set(STATUS, codeOrNull(r.optionalCode(STATUS, SubscriberStatus.class, QuarantineReason.UNKNOWN_CODE)));
                setOptional(r, row, IMSI, ID_HASH, RESELLER_ID);
            }),
    TRUNKS("reference", "trunks", Tables.REF_TRUNKS, Kind.SNAPSHOT, List.of(TRUNK_ID),
            List.of(TRUNK_ID, TRUNK_TYPE),
            (r, row) -> {
                row.set(TRUNK_ID, r.required(TRUNK_ID));
                row.set(TRUNK_TYPE, r.code(TRUNK_TYPE, TrunkType.class, QuarantineReason.UNKNOWN_CODE).code());
                String authorized = r.optional(AUTHORIZED_CLI);
                List<String> prefixes = authorized == null ? List.of()
                        : Arrays.stream(authorized.split(";")).map(String::strip).filter(s -> !s.isEmpty())
                                .map(NumberPrefixes::toE164Prefix).toList();
                row.set(AUTHORIZED_CLI, authorized).set(AUTHORIZED_PREFIXES, prefixes.toArray(new String[0]));
                setOptional(r, row, OWNER);
            }),
    ALLOWLIST("reference", "allowlist", Tables.REF_ALLOWLIST, Kind.SNAPSHOT, List.of(NUMBER, IS_PREFIX),
            List.of(NUMBER),
            (r, row) -> {
                String raw = r.required(NUMBER);
                boolean prefix = raw.endsWith("*");
                String number = prefix ? NumberPrefixes.toE164Prefix(raw.substring(0, raw.length() - 1))
                        : r.requiredNumber(NUMBER).e164();
                row.set(NUMBER, number).set(NUMBER_RAW, raw).set(IS_PREFIX, prefix);
                row.set(VALID_UNTIL, r.date(VALID_UNTIL, false));
                setOptional(r, row, OWNER, CATEGORY);
            }),
    ROAMING("reference", "roaming", Tables.REF_ROAMING, Kind.SNAPSHOT, List.of(MSISDN),
            List.of(MSISDN),
            (r, row) -> {
                NormalizedNumber msisdn = r.requiredNumber(MSISDN);
                row.set(MSISDN, msisdn.e164()).set(MSISDN_RAW, msisdn.raw());
                row.set(SINCE, r.date(SINCE, false));
                setOptional(r, row, VISITED_COUNTRY);
            }),
    /**
     * The national portability database's numbers that changed operator. A number in one of our
     * blocks listed here is served by another operator (ported out), one of ours from another
     * operator's block was ported in; {@code Presentations} needs both to tell our blocks and
     * unallocated numbers apart. The number is normalised like a subscriber's MSISDN.
     */
    PORTED("reference", "ported", Tables.REF_PORTED, Kind.SNAPSHOT, List.of(NUMBER),
            List.of(NUMBER, OPERATOR, PORTED_ON),
            (r, row) -> {
                NormalizedNumber number = r.requiredNumber(NUMBER);
                row.set(NUMBER, number.e164()).set(NUMBER_RAW, number.raw());
                String operator = r.required(OPERATOR);
                if (operator.isBlank()) {
                    throw new RejectedRecordException(QuarantineReason.MISSING_REQUIRED_FIELD, OPERATOR, "operator is blank");
                }
                row.set(OPERATOR, operator);
                row.set(PORTED_ON, r.date(PORTED_ON, true));
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
        return Schemas.schemaOf(table);
    }

    /** Name used in reports and the quarantine's {@code dataset} column. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** A number in its three columns: E.164 key, the raw form as received, and its class. */
    private static void setNumber(RowValues row, NormalizedNumber number, String e164Column, String rawColumn, String classColumn) {
        row.set(e164Column, number.e164()).set(rawColumn, number.raw()).set(classColumn, number.numberClass().code());
    }

    /** Optional text columns taken as they are (null when empty). */
    private static void setOptional(FieldReader r, RowValues row, String... columns) {
        for (String column : columns) {
            row.set(column, r.optional(column));
        }
    }

    private static String codeOrNull(Code code) {
        return code == null ? null : code.code();
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
