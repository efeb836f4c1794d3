package com.zhifang.features.schema;

/**
 * Column names of the behaviour features: per-day state columns, contact pairs, window values
 * ({@code <feature>_<n>d}, {@link #windowed}) and as-of-D attributes. See docs/features.md.
 */
public final class FeatureColumns {
    private FeatureColumns() {}

    // ---- behaviour features: keys ----
    /** Day a feature row describes (the run date D); partition of the features_* tables. */
    public static final String FEATURE_DATE = "feature_date";
    /** A number's counterpart in a contact pair (the callee of its outgoing, the caller of its incoming calls). */
    public static final String PEER = "peer";
    public static final String ENTITY = "entity";
    /** Which state a row of a day-state table holds ({@code number}, {@code pair}, {@code call_edge}, ...: {@code DayState}). */
    public static final String STATE_KIND = "state_kind";

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
    /** MO/MT voice and SMS records that served a number (the records its cells are counted from). */
    public static final String SERVED_RECORDS = "served_records";
    /** Of the records cells are counted from, those with a cell id (Wi-Fi calling and some switches leave it empty). */
    public static final String CELL_RECORDS = "cell_records";
    /** A device's outgoing calls started at night (carrier-local hours before {@code FeatureSets.NIGHT_END_HOUR}). */
    public static final String CALLS_OUT_NIGHT = "calls_out_night";
    public static final String SMS_OUT_DEVICE = "sms_records";
    public static final String SIM_SWAPS = "sim_swaps";
    public static final String SIM_TRANSITIONS = "sim_transitions";
    public static final String CALLS = "calls";
    public static final String ANSWERED_CALLS = "answered_calls";
    public static final String CLI_PLUS86_INTERNATIONAL = "cli_plus86_international";
    public static final String CLI_UNAUTHORIZED = "cli_unauthorized";
    /** GW calls presenting a number of our blocks that no subscriber holds and that did not port out. */
    public static final String CLI_UNALLOCATED = "cli_unallocated";
    /** GW calls presenting an invalid number (unassigned range, or text that is no number). */
    public static final String CLI_INVALID = "cli_invalid";
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
    /** Recipients a sender messaged on at least two days of the window. */
    public static final String REPEAT_RECIPIENTS = "repeat_recipients";
    public static final String REPEAT_RECIPIENT_SHARE = "repeat_recipient_share";
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

    // ---- behaviour features: window values (suffixed _<n>d by FeatureColumns.windowed) ----
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
    public static final String CELL_KNOWN_SHARE = "cell_known_share";
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
    /**
     * Of an international caller: its range's one-ring callees (summed over the range's numbers) and how many
     * of the range's numbers one-ring called someone; 0 for numbers not in a foreign range
     * ({@link com.zhifang.features.behaviour.CallerRanges}).
     */
    public static final String RANGE_ONE_RING_CALLEES = "range_one_ring_callees";
    public static final String RANGE_ONE_RING_NUMBERS = "range_one_ring_numbers";
    public static final String SIM_SWAP_RATE = "sim_swap_rate";
    public static final String RECORDS_PER_SIM = "records_per_sim";
    public static final String OUTGOING_SHARE = "outgoing_share";
    public static final String CLI_PLUS86_INTERNATIONAL_SHARE = "cli_plus86_international_share";
    public static final String CLI_UNAUTHORIZED_SHARE = "cli_unauthorized_share";
    public static final String CLI_UNALLOCATED_SHARE = "cli_unallocated_share";
    public static final String CLI_INVALID_SHARE = "cli_invalid_share";
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
}
