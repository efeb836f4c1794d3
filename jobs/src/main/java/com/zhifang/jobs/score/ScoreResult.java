package com.zhifang.jobs.score;

import com.zhifang.features.domain.PatternCode;
import com.zhifang.jobs.stage.StageMetrics;
import com.zhifang.jobs.stage.StageResult;
import java.util.Locale;
import java.util.Map;

/**
 * What the score stage did for a day.
 *
 * @param detections        entity-pattern pairs some rule fired on
 * @param byPattern         detections per pattern code
 * @param scored            entities with a combined score at or above the listing score
 * @param allowlisted       of those, numbers kept off the list by the allowlist
 * @param appealSuppressed  of those, entities kept off after a restored appeal or false positive
 * @param listed            rows of the day's suspect list
 * @param policeFlagged     listed numbers already notified by police (flagged, not hidden)
 * @param rulesVersion      the rules file's version label
 * @param modelVersion      the model blended in, or null (rules only)
 */
public record ScoreResult(long detections, Map<PatternCode, Long> byPattern, long scored, long allowlisted, long appealSuppressed,
                          long listed, long policeFlagged, String rulesVersion, String modelVersion) implements StageResult {
    /** What {@code versions()} reports as the model when none is blended in. */
    public static final String NO_MODEL = "none (rules only)";

    public ScoreResult {
        byPattern = Map.copyOf(byPattern);
    }

    @Override
    public StageMetrics metrics() {
        StageMetrics.Builder metrics = StageMetrics.builder()
                .headline("listed", listed)
                .headline("police_flagged", policeFlagged)
                .add("detections", detections);
        // Every pattern code, in its declared order, so reports of different days line up.
        for (PatternCode pattern : PatternCode.values()) {
            metrics.add("detections_" + pattern.code().toLowerCase(Locale.ROOT), byPattern.getOrDefault(pattern, 0L));
        }
        return metrics.add("at_or_above_listing_score", scored)
                .add("allowlisted_kept_off", allowlisted)
                .add("appeal_restored_kept_off", appealSuppressed)
                .build();
    }

    @Override
    public Map<String, String> versions() {
        return Map.of("rules", rulesVersion, "model", modelVersion == null ? NO_MODEL : modelVersion);
    }
}
