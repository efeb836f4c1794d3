package com.zhifang.features.schema;

/**
 * Column names of the hand-over files beyond the suspect list: the suspension worklist
 * ({@code exports/<D>/suspension.csv}) and the marked-number feed to the 12321 centre ({@code marked-numbers.csv},
 * also the {@code marked_numbers} table). Record columns they repeat ({@code number}, {@code case_ref},
 * {@code notified_on}, {@code status}, {@code reseller_id}) keep their {@link RecordColumns} names.
 */
public final class HandoverColumns {
    private HandoverColumns() {}

    // ---- suspension worklist ----
    /** {@code NOTIFIED} or {@code REVIEW} ({@code WorklistEntry}). */
    public static final String ENTRY = "entry";
    /** Whole days from the first notice to D (0 when notified on D). */
    public static final String DAYS_OPEN = "days_open";
    /** Hours from the start of the notice day (carrier-local) to the end of D. */
    public static final String HOURS_OPEN = "hours_open";
    /** Open for longer than the configured limit (default 24 hours). */
    public static final String OVERDUE = "overdue";
    /** {@code WorklistState} of the notified number. */
    public static final String STATE = "state";
    public static final String LAST_ACTION = "last_action";
    public static final String LAST_ACTION_AT = "last_action_at";
    public static final String LAST_ACTION_REASON = "last_action_reason";
    public static final String LAST_ACTION_BY = "last_action_by";
    /** Calls (either side) the line was served in from the notice on, within the traffic window up to D. */
    public static final String CALLS_AFTER_NOTICE = "calls_after_notice";
    public static final String SMS_AFTER_NOTICE = "sms_after_notice";
    public static final String LAST_SEEN_AT = "last_seen_at";
    /** The line carried traffic after the notice: it is still live. */
    public static final String LIVE = "live";
    /** A decision the worklist contradicts, named: the number is on the allowlist. */
    public static final String CONFLICT = "conflict";
    /** Review rows: {@code IDENTITY} or {@code DEVICE}. */
    public static final String LINK_TYPE = "link_type";
    /** Review rows: the notified number the line is linked to. */
    public static final String LINKED_NUMBER = "linked_number";
    /** Review rows: the shared value (the identity hash or the IMEI). */
    public static final String LINK_VALUE = "link_value";

    // ---- marked-number feed ----
    /** Date of the feed (D); partition of the {@code marked_numbers} table. */
    public static final String FEED_DATE = "feed_date";
    /** {@code MARK} or {@code UNMARK} ({@code MarkAction}). */
    public static final String MARK_ACTION = "action";
    /** {@code MarkCategory} code. */
    public static final String MARK_CATEGORY = "category";
    public static final String MARK_CATEGORY_ZH = "category_zh";
    /** {@code ConfidenceBand} code. */
    public static final String CONFIDENCE = "confidence";
    public static final String FIRST_MARKED_ON = "first_marked_on";
    public static final String LAST_MARKED_ON = "last_marked_on";
    /** One line of evidence: the strongest reasons, Chinese where the list has them. */
    public static final String MARK_EVIDENCE = "evidence";
    /** Why an UNMARK row withdraws the mark: the decision and its date. */
    public static final String UNMARK_REASON = "unmark_reason";
}
