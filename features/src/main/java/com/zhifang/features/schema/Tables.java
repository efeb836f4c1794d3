package com.zhifang.features.schema;

/**
 * Names of the warehouse's tables. Each table is a Delta table at {@code <warehouse>/tables/<name>};
 * analysts read them with {@code delta.`<path>`}. Their schemas and partition columns:
 * {@code com.zhifang.features.catalog.Schemas}.
 */
public final class Tables {
    private Tables() {}

    public static final String VOICE_CALLS = "voice_calls";
    public static final String SMS_MESSAGES = "sms_messages";
    public static final String COMPLAINTS = "complaints";
    public static final String POLICE_NOTICES = "police_notices";
    public static final String FEEDBACK = "feedback";
    /** What operations did to lines (suspended, declined, restored): {@code suspensions/}, an extension. */
    public static final String SUSPENSION_ACTIONS = "suspension_actions";
    public static final String REF_SUBSCRIBERS = "ref_subscribers";
    public static final String REF_TRUNKS = "ref_trunks";
    public static final String REF_ALLOWLIST = "ref_allowlist";
    public static final String REF_ROAMING = "ref_roaming";
    /** Numbers that changed operator (national portability database): {@code reference/ported.csv}. */
    public static final String REF_PORTED = "ref_ported";
    public static final String QUARANTINE = "quarantine";
    public static final String RUN_LOG = "run_log";
    /**
     * Behaviour features: every per-day mergeable state of the features stage (numbers, pairs,
     * devices, ...; partitioned by traffic_day, one {@code state_kind} per state, see
     * {@code com.zhifang.features.catalog.DayState}), written in one commit per night.
     */
    public static final String FEATURE_DAY_STATE = "feature_day_state";
    /** Behaviour features: window rows, one table per entity type (partitioned by feature_date). */
    public static final String FEATURES_NUMBER = "features_number";
    public static final String FEATURES_DEVICE = "features_device";
    public static final String FEATURES_TRUNK = "features_trunk";
    public static final String FEATURES_PORT_CUSTOMER = "features_port_customer";
    /**
     * Graph stage: the per-day call, SMS and device edge states (partitioned by traffic_day, one
     * {@code state_kind} each), summed over the window each night; written in one commit per night.
     */
    public static final String EDGE_DAY_STATE = "edge_day_state";
    /** Graph stage: one row per number per graph date. */
    public static final String GRAPH_FEATURES_NUMBER = "graph_features_number";
    /** Graph stage: one row per ring (group of numbers joined by strong links) per graph date. */
    public static final String GRAPH_RINGS = "graph_rings";
    /** Graph stage: one row per device (IMEI) seen in the window per graph date. */
    public static final String GRAPH_FEATURES_DEVICE = "graph_features_device";
    /** Score stage: the ranked suspect list, one row per listed entity per list date. */
    public static final String SUSPECTS = "suspects";
    /** Export stage: the rows of each day's marked-number feed to the 12321 centre (partitioned by feed_date). */
    public static final String MARKED_NUMBERS = "marked_numbers";
}
