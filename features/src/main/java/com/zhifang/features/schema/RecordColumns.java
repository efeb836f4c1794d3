package com.zhifang.features.schema;

/**
 * Column names of the landing files and the ingested tables: the contract's header names (kept
 * where the meaning is unchanged), the {@code _raw}/{@code _class} companions normalisation adds to
 * numbers, lineage, the quarantine and the run log. See docs/contract.md.
 */
public final class RecordColumns {
    private RecordColumns() {}

    // ---- landing headers: voice ----
    public static final String RECORD_ID = "record_id";
    public static final String RECORD_TYPE = "record_type";
    public static final String START_TIME = "start_time";
    public static final String CALLING_NUMBER = "calling_number";
    public static final String CALLED_NUMBER = "called_number";
    public static final String ANSWERED = "answered";
    public static final String DURATION_S = "duration_s";
    public static final String RING_S = "ring_s";
    public static final String RELEASE_CAUSE = "release_cause";
    public static final String CLI_RESTRICTED = "cli_restricted";
    public static final String IMSI = "imsi";
    public static final String IMEI = "imei";
    public static final String CELL_ID = "cell_id";
    public static final String TRUNK_IN = "trunk_in";

    // ---- landing headers: sms ----
    public static final String SEND_TIME = "send_time";
    public static final String SENDER = "sender";
    public static final String RECIPIENT = "recipient";
    public static final String PORT_CUSTOMER = "port_customer";
    public static final String SEGMENTS = "segments";
    public static final String DELIVERED = "delivered";
    public static final String CONTENT = "content";

    // ---- landing headers: complaints, police, feedback ----
    public static final String REPORTED_NUMBER = "reported_number";
    public static final String REPORTED_AT = "reported_at";
    public static final String CATEGORY = "category";
    public static final String CHANNEL = "channel";
    public static final String REPORTER_HASH = "reporter_hash";
    public static final String NUMBER = "number";
    public static final String NOTIFIED_ON = "notified_on";
    public static final String CASE_REF = "case_ref";
    public static final String ENTITY_TYPE = "entity_type";
    public static final String ENTITY_ID = "entity_id";
    public static final String DECIDED_ON = "decided_on";
    public static final String OUTCOME = "outcome";
    public static final String NOTE = "note";

    // ---- landing headers: suspensions (extension: the closed loop of police notices) ----
    /** {@code SUSPENDED}, {@code NOT_SUSPENDED} or {@code RESTORED} ({@code SuspensionAction}). */
    public static final String ACTION = "action";
    public static final String ACTED_AT = "acted_at";
    // reason: {@link #REASON}; operator (the staff member who acted): {@link #OPERATOR}

    // ---- landing headers: reference snapshots ----
    public static final String MSISDN = "msisdn";
    public static final String ACTIVATED_ON = "activated_on";
    public static final String PLAN = "plan";
    public static final String CUSTOMER_TYPE = "customer_type";
    public static final String ID_HASH = "id_hash";
    public static final String REAL_NAME_VERIFIED = "real_name_verified";
    public static final String RESELLER_ID = "reseller_id";
    public static final String STATUS = "status";
    public static final String TRUNK_ID = "trunk_id";
    public static final String TRUNK_TYPE = "trunk_type";
    public static final String OWNER = "owner";
    public static final String AUTHORIZED_CLI = "authorized_cli";
    public static final String VALID_UNTIL = "valid_until";
    public static final String VISITED_COUNTRY = "visited_country";
    public static final String SINCE = "since";
    /**
     * Ported numbers: the code of the operator now serving the number (free text from the national portability
     * database). Suspension actions: the staff member who acted.
     */
    public static final String OPERATOR = "operator";
    /** Ported numbers: the date the number moved to {@link #OPERATOR}. */
    public static final String PORTED_ON = "ported_on";

    // ---- added by normalisation ----
    /** Suffix for the number exactly as signalled. */
    public static final String RAW_SUFFIX = "_raw";
    /** Suffix for the {@code NumberClass} of a normalised number. */
    public static final String CLASS_SUFFIX = "_class";
    public static final String CALLING_RAW = CALLING_NUMBER + RAW_SUFFIX;
    public static final String CALLING_CLASS = CALLING_NUMBER + CLASS_SUFFIX;
    public static final String CALLED_RAW = CALLED_NUMBER + RAW_SUFFIX;
    public static final String CALLED_CLASS = CALLED_NUMBER + CLASS_SUFFIX;
    public static final String SENDER_RAW = SENDER + RAW_SUFFIX;
    public static final String SENDER_CLASS = SENDER + CLASS_SUFFIX;
    public static final String RECIPIENT_RAW = RECIPIENT + RAW_SUFFIX;
    public static final String RECIPIENT_CLASS = RECIPIENT + CLASS_SUFFIX;
    public static final String REPORTED_RAW = REPORTED_NUMBER + RAW_SUFFIX;
    public static final String REPORTED_CLASS = REPORTED_NUMBER + CLASS_SUFFIX;
    public static final String NUMBER_RAW = NUMBER + RAW_SUFFIX;
    public static final String NUMBER_CLASS = NUMBER + CLASS_SUFFIX;
    public static final String MSISDN_RAW = MSISDN + RAW_SUFFIX;
    public static final String ENTITY_ID_RAW = ENTITY_ID + RAW_SUFFIX;
    /** Authorised caller-number prefixes of a private line, normalised to E.164 form. */
    public static final String AUTHORIZED_PREFIXES = "authorized_prefixes";
    /** Allowlist entry normalised: a full number, or a prefix when {@link #IS_PREFIX}. */
    public static final String IS_PREFIX = "is_prefix";

    /** Carrier-local calendar day of the record's own time (start/send/report time): the partition. */
    public static final String TRAFFIC_DAY = "traffic_day";
    /** Carrier-local day of an event that is not traffic (complaint, notice, decision): the partition. */
    public static final String EVENT_DAY = "event_day";
    /** Day of the landing folder the record arrived in. */
    public static final String LANDING_DAY = "landing_day";
    /** Date of a reference snapshot (the landing folder it came in). */
    public static final String SNAPSHOT_DATE = "snapshot_date";
    public static final String SOURCE_FILE = "source_file";
    /** 1-based physical line number where the record starts in its file (the header is line 1). */
    public static final String SOURCE_LINE = "source_line";
    public static final String INGEST_RUN_ID = "ingest_run_id";
    /**
     * 64-bit fingerprint of an event's content (every column but the provenance above), so that a
     * duplicate can be compared with the stored copy without reading the whole row.
     */
    public static final String CONTENT_HASH = "content_hash";

    // ---- quarantine ----
    public static final String DATASET = "dataset";
    public static final String REASON = "reason";
    public static final String FIELD = "field";
    public static final String MESSAGE = "message";
    public static final String RAW_LINE = "raw_line";
    public static final String RUN_ID = "run_id";
    /** What the quarantined line counted as in its run: {@code com.zhifang.features.ingest.RecordFate}. */
    public static final String COUNTED_AS = "counted_as";

    // ---- run log ----
    public static final String COMMAND = "command";
    public static final String RUN_DATE = "run_date";
    public static final String STARTED_AT = "started_at";
    public static final String FINISHED_AT = "finished_at";
    public static final String CODE_VERSION = "code_version";
    public static final String RULES_VERSION = "rules_version";
    public static final String MODEL_VERSION = "model_version";
    public static final String REPORT_JSON = "report_json";
}
