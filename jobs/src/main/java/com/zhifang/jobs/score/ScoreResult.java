package com.zhifang.jobs.score;

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
public record ScoreResult(long detections, Map<String, Long> byPattern, long scored, long allowlisted, long appealSuppressed,
                          long listed, long policeFlagged, String rulesVersion, String modelVersion) {
}
