package com.zhifang.jobs.export;

import com.zhifang.models.handover.MarkedNumbers;
import com.zhifang.models.handover.SuspensionWorklist;

import java.util.List;

import static com.zhifang.features.schema.FeatureColumns.POLICE_NOTIFIED;
import static com.zhifang.features.schema.HandoverColumns.*;
import static com.zhifang.features.schema.RecordColumns.*;
import static com.zhifang.features.schema.ScoreColumns.*;
import static com.zhifang.jobs.export.HandoverColumn.bool;
import static com.zhifang.jobs.export.HandoverColumn.date;
import static com.zhifang.jobs.export.HandoverColumn.decimal;
import static com.zhifang.jobs.export.HandoverColumn.integer;
import static com.zhifang.jobs.export.HandoverColumn.text;

/**
 * The hand-over files of a day ({@code exports/<D>/}), their columns, Chinese headers and cell kinds (docs/contract.md
 * section 10). Every id (numbers, IMEIs, trunk ids, case references) is TEXT, so a spreadsheet keeps every character.
 */
public final class HandoverFiles {
    private HandoverFiles() {}

    /** The ranked suspect list: the contract's six columns first, in its order, then the extensions. */
    public static final HandoverFile SUSPECTS = new HandoverFile("suspects", "可疑名单", List.of(
            integer(RANK, "排名"),
            text(ENTITY_TYPE, "对象类型"),
            text(ENTITY_ID, "对象标识"),
            decimal(SCORE, "风险评分"),
            text(PATTERNS, "命中模式"),
            text(REASONS, "判定依据"),
            bool(POLICE_NOTIFIED, "公安已通报"),
            date(FIRST_LISTED_ON, "首次列入日期"),
            integer(DAYS_LISTED, "累计列入天数"),
            decimal(RULE_SCORE, "规则评分"),
            decimal(MODEL_SCORE, "模型评分"),
            text(LIST_CATEGORY, "名单类别"),
            text(PATTERNS_ZH, "命中模式（中文）"),
            text(REASONS_ZH, "判定依据（中文）")));

    /** The police suspension worklist ({@link SuspensionWorklist}). */
    public static final HandoverFile SUSPENSION = new HandoverFile("suspension", "停机工作单", List.of(
            text(ENTRY, "条目类型"),
            text(NUMBER, "号码"),
            text(CASE_REF, "案件编号"),
            date(NOTIFIED_ON, "通报日期"),
            integer(DAYS_OPEN, "已通报天数"),
            integer(HOURS_OPEN, "已通报小时数"),
            bool(OVERDUE, "超时未处置"),
            text(STATE, "处置状态"),
            text(STATUS, "用户状态"),
            text(RESELLER_ID, "转售企业"),
            text(LAST_ACTION, "最近处置"),
            text(LAST_ACTION_AT, "最近处置时间"),
            text(LAST_ACTION_REASON, "处置原因"),
            text(LAST_ACTION_BY, "处置人"),
            integer(CALLS_AFTER_NOTICE, "通报后通话次数"),
            integer(SMS_AFTER_NOTICE, "通报后短信条数"),
            text(LAST_SEEN_AT, "最后活动时间"),
            bool(LIVE, "号码仍在使用"),
            text(CONFLICT, "冲突"),
            text(LINK_TYPE, "关联类型"),
            text(LINKED_NUMBER, "关联通报号码"),
            text(LINK_VALUE, "关联值")));

    /** The marked-number feed to the 12321 reporting centre ({@link MarkedNumbers}). */
    public static final HandoverFile MARKED_NUMBERS = new HandoverFile("marked-numbers", "标记号码", List.of(
            text(MARK_ACTION, "操作"),
            text(NUMBER, "号码"),
            text(MARK_CATEGORY, "标记类别代码"),
            text(MARK_CATEGORY_ZH, "标记类别"),
            text(CONFIDENCE, "置信度"),
            date(FIRST_MARKED_ON, "首次标记日期"),
            date(LAST_MARKED_ON, "最近标记日期"),
            text(MARK_EVIDENCE, "证据摘要"),
            text(UNMARK_REASON, "撤销原因")));

    /** Every hand-over file, in the order the export writes them. */
    public static final List<HandoverFile> ALL = List.of(SUSPECTS, SUSPENSION, MARKED_NUMBERS);
}
