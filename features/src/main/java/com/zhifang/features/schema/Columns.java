package com.zhifang.features.schema;

/**
 * Every column name used in Zhifang's tables, in one place. Landing (raw CSV header) names are the
 * contract's names from {@code landing-format.md}; normalised tables keep them where the meaning is
 * unchanged and add {@code _raw}/{@code _class} companions for numbers.
 */
public final class Columns {
    private Columns() {}

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

    // ---- quarantine ----
    public static final String DATASET = "dataset";
    public static final String REASON = "reason";
    public static final String FIELD = "field";
    public static final String MESSAGE = "message";
    public static final String RAW_LINE = "raw_line";
    public static final String RUN_ID = "run_id";

    // ---- run log ----
    public static final String COMMAND = "command";
    public static final String RUN_DATE = "run_date";
    public static final String STARTED_AT = "started_at";
    public static final String FINISHED_AT = "finished_at";
    public static final String CODE_VERSION = "code_version";
    public static final String RULES_VERSION = "rules_version";
    public static final String MODEL_VERSION = "model_version";
    public static final String REPORT_JSON = "report_json";

    // ---- behaviour features: keys ----
    /** Day a feature row describes (the run date D); partition of the features_* tables. */
    public static final String FEATURE_DATE = "feature_date";
    /** A number's counterpart in a contact pair (the callee of its outgoing, the caller of its incoming calls). */
    public static final String PEER = "peer";
    public static final String ENTITY = "entity";

    // ---- per-day states (mergeable: counts, sums, histograms, HLL sketches) ----
    public static final String CALLS_OUT = "calls_out";
    public static final String ANSWERED_OUT = "answered_out";
    public static final String SHORT_CALLS_OUT = "short_calls_out";
    public static final String DURATION_SUM_OUT = "duration_sum_out";
    public static final String DURATION_HIST_OUT = "duration_hist_out";
    public static final String ONE_RING_OUT = "one_ring_out";
    public static final String UNALLOCATED_OUT = "unallocated_out";
    public static final String HOUR_HIST_OUT = "hour_hist_out";
    public static final String PEAK_HOUR_CALLS_OUT = "peak_hour_calls_out";
    public static final String PEAK_MINUTE_CALLS_OUT = "peak_minute_calls_out";
    public static final String SEQ_PAIRS_OUT = "seq_pairs_out";
    public static final String SEQ_STEPS_OUT = "seq_steps_out";
    public static final String GAP_N_OUT = "gap_n_out";
    public static final String GAP_SUM_OUT = "gap_sum_out";
    public static final String GAP_SUMSQ_OUT = "gap_sumsq_out";
    public static final String CALLS_IN = "calls_in";
    public static final String ANSWERED_IN = "answered_in";
    public static final String ONE_RING_IN = "one_ring_in";
    public static final String NEW_CALLEES = "new_callees";
    public static final String SMS_OUT = "sms_out";
    public static final String SMS_IN = "sms_in";
    public static final String SMS_WITH_CONTENT = "sms_with_content";
    public static final String SMS_WITH_URL = "sms_with_url";
    public static final String SMS_TEMPLATES = "sms_templates";
    public static final String SMS_DELIVERED = "sms_delivered";
    public static final String COMPLAINTS_TOTAL = "complaints";
    public static final String RECORDS = "records";
    public static final String SMS_OUT_DEVICE = "sms_records";
    public static final String SIM_SWAPS = "sim_swaps";
    public static final String SIM_TRANSITIONS = "sim_transitions";
    public static final String CALLS = "calls";
    public static final String ANSWERED_CALLS = "answered_calls";
    public static final String CLI_PLUS86_INTERNATIONAL = "cli_plus86_international";
    public static final String CLI_UNAUTHORIZED = "cli_unauthorized";
    public static final String CLI_UNALLOCATED_INVALID = "cli_unallocated_invalid";
    public static final String CLI_HIDDEN = "cli_hidden";
    /** Suffix of the exact (one day) distinct count stored next to its HLL sketch. */
    public static final String EXACT_SUFFIX = "_exact";
    /** Suffix of an HLL sketch column (binary, Spark's hll_sketch_agg format). */
    public static final String HLL_SUFFIX = "_hll";
    public static final String CALLEES = "distinct_callees";
    public static final String CALLERS = "distinct_callers";
    public static final String CALLEE_BLOCKS = "callee_blocks";
    public static final String CELLS = "cells";
    public static final String SMS_RECIPIENTS = "sms_recipients";
    /** Of the links a number sent, the most numbers that sent the same link (itself included). */
    public static final String LINK_SENDERS = "link_senders";
    /** Of the links a number sent, the most new SIMs that sent the same link (itself included if new). */
    public static final String LINK_NEW_SENDERS = "link_new_senders";
    /** Of the numbers a device served, those whose SIM is new ({@code FeatureSets.NEW_SIM_DAYS}). */
    public static final String NEW_SIMS = "new_sims";
    public static final String COMPLAINT_REPORTERS = "complaint_reporters";
    public static final String SIMS = "sims";
    public static final String NUMBERS = "numbers";
    public static final String CLIS = "distinct_clis";
    public static final String PORT_CODES = "port_codes";
    /** The 106 code a port message was sent from (normalised sender, else as delivered); not stored. */
    public static final String PORT_CODE = "port_code";

    // ---- contact pairs (pair_day_state) ----
    public static final String OUT_CALLS = "out_calls";
    public static final String OUT_ONE_RING = "out_one_ring";
    public static final String FIRST_ONE_RING_AT = "first_one_ring_at";
    public static final String IN_CALLS = "in_calls";
    public static final String LAST_IN_AT = "last_in_at";

    // ---- behaviour features: window values (suffixed _<n>d by Columns.windowed) ----
    public static final String ANSWER_RATE_OUT = "answer_rate_out";
    public static final String ANSWER_RATE_IN = "answer_rate_in";
    public static final String SHORT_CALL_SHARE = "short_call_share";
    public static final String DURATION_MEAN_S = "duration_mean_s";
    public static final String DURATION_MEDIAN_S = "duration_median_s";
    public static final String DURATION_P90_S = "duration_p90_s";
    public static final String ONE_RING_SHARE = "one_ring_share";
    public static final String ONE_RING_CALLS_IN = "one_ring_calls_in";
    public static final String UNALLOCATED_SHARE = "unallocated_share";
    public static final String NIGHT_SHARE = "night_share";
    public static final String HOUR_PROFILE = "hour_profile";
    public static final String PEAK_HOUR_CALLS = "peak_hour_calls";
    public static final String PEAK_MINUTE_CALLS = "peak_minute_calls";
    public static final String CALLEES_PER_BLOCK = "callees_per_block";
    public static final String NEW_CALLEE_SHARE = "new_callee_share";
    public static final String SEQUENTIAL_SHARE = "sequential_share";
    public static final String GAP_CV = "gap_cv";
    public static final String BURSTINESS = "burstiness";
    public static final String TEMPLATE_SHARE = "template_share";
    public static final String TOP_TEMPLATE_MESSAGES = "top_template_messages";
    public static final String URL_SHARE = "url_share";
    public static final String RECIPROCITY = "reciprocity";
    public static final String RECIPROCATED_CALLEES = "reciprocated_callees";
    public static final String ONE_RING_CALLEES = "one_ring_callees";
    public static final String CALLBACKS_AFTER_ONE_RING = "callbacks_after_one_ring";
    public static final String SIM_SWAP_RATE = "sim_swap_rate";
    public static final String RECORDS_PER_SIM = "records_per_sim";
    public static final String OUTGOING_SHARE = "outgoing_share";
    public static final String CLI_PLUS86_INTERNATIONAL_SHARE = "cli_plus86_international_share";
    public static final String CLI_UNAUTHORIZED_SHARE = "cli_unauthorized_share";
    public static final String CLI_UNALLOCATED_INVALID_SHARE = "cli_unallocated_invalid_share";
    public static final String CLI_HIDDEN_SHARE = "cli_hidden_share";
    public static final String COMPLAINTS_ON_CARRIED = "complaints_on_carried_numbers";
    public static final String DELIVERY_RATE = "delivery_rate";

    // ---- behaviour features: as-of-D attributes (not windowed) ----
    public static final String IS_SUBSCRIBER = "is_subscriber";
    public static final String SIM_AGE_DAYS = "sim_age_days";
    public static final String SIMS_SAME_IDENTITY = "sims_same_identity";
    public static final String POLICE_NOTIFIED = "police_notified";
    public static final String POLICE_NOTIFIED_ON = "police_notified_on";

    /** The name of a feature over a window of {@code days} days: {@code calls_out} -> {@code calls_out_7d}. */
    public static String windowed(String feature, int days) {
        return feature + "_" + days + "d";
    }

    /** The complaint counter of one category ({@code FRAUD} -> {@code complaints_fraud}) or channel. */
    public static String complaintsBy(String categoryOrChannel) {
        return COMPLAINTS_TOTAL + "_" + categoryOrChannel.toLowerCase(java.util.Locale.ROOT);
    }

    // ---- graph analytics (graph stage) ----
    /** Date a graph table row describes: the last day of the window it was built over (the partition). */
    public static final String GRAPH_DATE = "graph_date";
    public static final String FROM_NUMBER = "from_number";
    public static final String TO_NUMBER = "to_number";
    public static final String FROM_CLASS = "from_class";
    public static final String TO_CLASS = "to_class";
    public static final String TALK_S = "talk_s";
    public static final String MESSAGES = "messages";
    public static final String NUMBER_A = "number_a";
    public static final String NUMBER_B = "number_b";
    public static final String LINK_KIND = "kind";
    public static final String WEIGHT = "weight";
    public static final String EVIDENCE = "evidence";
    public static final String JACCARD = "jaccard";
    public static final String SHARED_CALLEES = "shared_callees";
    public static final String SEED_SOURCES = "seed_sources";
    public static final String SEEDED_ON = "seeded_on";
    public static final String HUB_REASON = "hub_reason";
    public static final String IS_SEED = "is_seed";
    public static final String OUT_DEGREE = "out_degree";
    public static final String IN_DEGREE = "in_degree";
    public static final String NEIGHBOURS = "neighbours";
    public static final String SMS_OUT_NEIGHBOURS = "sms_out_neighbours";
    public static final String SMS_IN_NEIGHBOURS = "sms_in_neighbours";
    public static final String PAGERANK = "pagerank";
    public static final String TRIANGLES = "triangles";
    public static final String CLUSTERING = "clustering";
    public static final String PPR_CALL = "ppr_call";
    public static final String PPR_SHARED = "ppr_shared";
    public static final String HOPS_TO_SEED = "hops_to_seed";
    public static final String SEEDS_SHARING_DEVICE = "seeds_sharing_device";
    public static final String SEEDS_SHARING_IDENTITY = "seeds_sharing_identity";
    public static final String COVICTIM_MAX_SIMILARITY_TO_SEED = "covictim_max_similarity_to_seed";
    public static final String COVICTIM_SIMILAR_NUMBERS = "covictim_similar_numbers";
    public static final String RING_ID = "ring_id";
    public static final String SIZE = "size";
    public static final String MEMBERS = "members";
    public static final String SEEDS = "seeds";
    public static final String SEED_COUNT = "seed_count";
    public static final String LINKS = "links";
    /** Ring link endpoints (inside the {@link #LINKS} structs). */
    public static final String LINK_A = "a";
    public static final String LINK_B = "b";
    public static final String CAPPED = "capped";

    // ---- scoring and the suspect list (score and export stages) ----
    /** Date a suspect list describes (the run date D); partition of the suspects table. */
    public static final String LIST_DATE = "list_date";
    public static final String RANK = "rank";
    public static final String SCORE = "score";
    public static final String RULE_SCORE = "rule_score";
    /** The trained model's probability of fraud, 0..1. */
    public static final String MODEL_SCORE = "model_score";
    public static final String PATTERN = "pattern";
    /** {@code ;}-separated pattern codes of a suspect (export contract). */
    public static final String PATTERNS = "patterns";
    /** Name of the rule that scored best for a detection. */
    public static final String RULE = "rule";
    /** Evidence sentences (array in tables, {@code ; }-joined in the export). */
    public static final String REASONS = "reasons";
    public static final String FIRST_LISTED_ON = "first_listed_on";
    public static final String DAYS_LISTED = "days_listed";

    // ---- trained model (models module, train package) ----
    /** Training label: 1.0 fraud, 0.0 not fraud (double, as MLlib wants it). */
    public static final String LABEL = "label";
    /** Where a label came from: a police notice, a feedback outcome, or an unlabelled sample. */
    public static final String LABEL_SOURCE = "label_source";
    /** Date of the event that decided a label (notice or decision date). */
    public static final String LABELLED_ON = "labelled_on";
    /** Weight of a training row in the loss (positives count n_neg / n_pos, negatives 1). */
    public static final String CLASS_WEIGHT = "class_weight";
    /** Training rows set aside (by number, stratified) to measure the model. */
    public static final String HOLDOUT = "holdout";
    /** Model input: 1.0 when the number has no graph row for the date (graph values were filled with 0). */
    public static final String GRAPH_MISSING = "graph_missing";
    /** Model input: 1.0 when the graph stage excluded the number as a hub ({@link #HUB_REASON} set). */
    public static final String IS_HUB = "is_hub";

    /** The model input taken from a {@code graph_features_number} column ({@code pagerank} -> {@code graph_pagerank}). */
    public static String graphInput(String graphColumn) {
        return "graph_" + graphColumn;
    }
}
