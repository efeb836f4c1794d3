package com.zhifang.models.evaluate;

import com.zhifang.features.domain.EntityType;
import com.zhifang.models.rules.RuleBook;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.*;

class RecountableReasonsTest {
    private final RecountableReasons recount = new RecountableReasons(RuleBook.defaults());

    @Test
    void countsFromThePairsRecountExactly() {
        assertEquals(Optional.of("distinct_callees_7d"), recount.featureOf(EntityType.NUMBER, "412 distinct callees in 7 days"));
        assertTrue(recount.allExact(EntityType.NUMBER, List.of("412 distinct callees in 7 days", "0.4% of callees called back",
                "SIM active 3 days")));
    }

    @Test
    void multiDaySketchCountsModelFiguresAndUnknownSentencesDoNot() {
        assertFalse(recount.allExact(EntityType.DEVICE, List.of("9 SIMs used in this device in 7 days")), "7-day distinct SIMs: HLL");
        assertFalse(recount.allExact(EntityType.NUMBER, List.of("SIMBOX: served in a device that used 3 SIMs in 7 days")),
                "the serving device's 7-day SIM count, behind a secondary pattern's prefix");
        assertFalse(recount.allExact(EntityType.NUMBER, List.of("412 distinct callees in 7 days", "model: fraud probability 80.0%")));
        assertFalse(recount.allExact(EntityType.NUMBER, List.of("a sentence no rule writes")));
        assertTrue(recount.allExact(EntityType.TRUNK, List.of()), "nothing to recount");
    }
}
