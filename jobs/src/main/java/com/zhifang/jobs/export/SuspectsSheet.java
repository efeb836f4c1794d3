package com.zhifang.jobs.export;

import java.util.List;

import static com.zhifang.features.schema.FeatureColumns.*;
import static com.zhifang.features.schema.RecordColumns.*;
import static com.zhifang.features.schema.ScoreColumns.*;
import static com.zhifang.jobs.export.HandoverColumn.bool;
import static com.zhifang.jobs.export.HandoverColumn.date;
import static com.zhifang.jobs.export.HandoverColumn.decimal;
import static com.zhifang.jobs.export.HandoverColumn.integer;
import static com.zhifang.jobs.export.HandoverColumn.text;

/**
 * The {@code suspects.csv} columns as a hand-over sheet: the same names in the same order as the csv
 * (contract section 10), each with its Chinese header and cell kind. {@code entity_id} is TEXT: E.164
 * numbers, IMEIs and trunk ids must keep every character. HandoverWorkbookTest fails if these names
 * and the export's csv columns drift apart.
 */
public final class SuspectsSheet {
    /** The tab's name: 可疑名单, "suspect list". */
    public static final String NAME = "可疑名单";
    public static final List<HandoverColumn> COLUMNS = List.of(
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
            text(LIST_CATEGORY, "名单类别"));

    private SuspectsSheet() {}

    /** The sheet for a list's csv data rows (header line excluded), one value per column as the csv holds it. */
    public static HandoverSheet of(List<List<String>> rows) {
        return new HandoverSheet(NAME, COLUMNS, rows);
    }
}
