package com.zhifang.testkit.generate;

/**
 * One labelled entity of {@code truth.csv}: fraud of a pattern (with whether the police notified it), or a
 * legitimate look-alike of a kind.
 */
record TruthRow(String entityType, String entityId, String label, String pattern, String kind, boolean police) {

    static TruthRow fraud(String entityType, String entityId, String pattern, boolean police) {
        return new TruthRow(entityType, entityId, "FRAUD", pattern, "", police);
    }

    static TruthRow legitimate(String entityType, String entityId, String kind) {
        return new TruthRow(entityType, entityId, "LEGITIMATE", "", kind, false);
    }
}
