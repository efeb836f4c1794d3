package com.zhifang.models.train;

import com.zhifang.features.domain.FeedbackOutcome;
import com.zhifang.features.graph.Seeds;
import com.zhifang.features.schema.Tables;
import com.zhifang.features.testing.SparkTestSession;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static com.zhifang.features.schema.RecordColumns.*;
import static com.zhifang.models.train.TrainTestRows.feedback;
import static com.zhifang.models.train.TrainTestRows.frame;
import static com.zhifang.models.train.TrainTestRows.police;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Which notice or decision decides a number's label, and that positives are exactly the graph stage's seeds. */
class LabelsTest {
    static final LocalDate NOV_2 = LocalDate.of(2026, 11, 2);
    static final LocalDate NOV_3 = LocalDate.of(2026, 11, 3);
    static final LocalDate NOV_4 = LocalDate.of(2026, 11, 4);
    static final LocalDate NOV_5 = LocalDate.of(2026, 11, 5);
    static final LocalDate AS_OF = LocalDate.of(2026, 11, 6);
    static final LocalDate LATER = LocalDate.of(2026, 11, 9);

    private final SparkSession spark = SparkTestSession.get();

    @Test
    void latestDecisionWinsAndClearingWinsTies() {
        Dataset<Row> notices = frame(spark, Tables.POLICE_NOTICES, List.of(
                police("+8613800000001", NOV_3),                     // notice only
                police("+8613800000002", NOV_2),                     // notice, then cleared
                police("+8613800000004", NOV_3),                     // notice and clearing the same day
                police("+8613800000005", LATER),                     // notice after the date
                police("+8613800000008", NOV_2)));                   // notice, then confirmed too
        Dataset<Row> decisions = frame(spark, Tables.FEEDBACK, List.of(
                feedback("NUMBER", "+8613800000002", NOV_4, FeedbackOutcome.FALSE_POSITIVE.code()),
                feedback("NUMBER", "+8613800000003", NOV_2, FeedbackOutcome.RESTORED_ON_APPEAL.code()),   // cleared, then confirmed
                feedback("NUMBER", "+8613800000003", NOV_5, FeedbackOutcome.CONFIRMED_FRAUD.code()),
                feedback("NUMBER", "+8613800000004", NOV_3, FeedbackOutcome.FALSE_POSITIVE.code()),
                feedback("DEVICE", "867339044733719", NOV_2, FeedbackOutcome.CONFIRMED_FRAUD.code()),     // not a number
                feedback("NUMBER", "+8613800000006", NOV_2, FeedbackOutcome.CONFIRMED_FRAUD.code()),      // confirmed, cleared after the date
                feedback("NUMBER", "+8613800000006", LATER, FeedbackOutcome.FALSE_POSITIVE.code()),
                feedback("NUMBER", "+8613800000007", NOV_4, FeedbackOutcome.RESTORED_ON_APPEAL.code()),
                feedback("NUMBER", "+8613800000008", NOV_4, FeedbackOutcome.CONFIRMED_FRAUD.code())));

        Map<String, String> labels = Labels.toNumberLabels(notices, decisions, AS_OF).collectAsList().stream()
                .collect(Collectors.toMap(r -> r.getString(0), r -> r.getDouble(1) + " " + r.getString(2) + " " + r.get(3)));

        assertEquals(Map.of(
                "+8613800000001", "1.0 POLICE 2026-11-03",
                "+8613800000002", "0.0 FALSE_POSITIVE 2026-11-04",
                "+8613800000003", "1.0 CONFIRMED_FRAUD 2026-11-05",
                "+8613800000004", "0.0 FALSE_POSITIVE 2026-11-03",
                "+8613800000006", "1.0 CONFIRMED_FRAUD 2026-11-02",
                "+8613800000007", "0.0 RESTORED_ON_APPEAL 2026-11-04",
                "+8613800000008", "1.0 POLICE 2026-11-02"), labels, "a positive is dated by its first standing confirmation");

        Set<String> positives = labels.entrySet().stream().filter(e -> e.getValue().startsWith("1.0")).map(Map.Entry::getKey)
                .collect(Collectors.toSet());
        Set<String> seeds = Seeds.toSeeds(notices, decisions, AS_OF).select(NUMBER).collectAsList().stream()
                .map(r -> r.getString(0)).collect(Collectors.toSet());
        assertEquals(seeds, positives, "positive labels are the graph stage's seeds on the same date");
    }
}
