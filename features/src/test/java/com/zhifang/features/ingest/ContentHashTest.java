package com.zhifang.features.ingest;

import com.zhifang.features.catalog.Schemas;
import com.zhifang.features.schema.Tables;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static com.zhifang.features.schema.RecordColumns.*;
import static org.junit.jupiter.api.Assertions.*;

class ContentHashTest {
    private static final List<String> VOICE = Schemas.contentColumnsOf(Tables.VOICE_CALLS);

    private static Map<String, Object> call() {
        Map<String, Object> values = new HashMap<>();
        values.put(RECORD_ID, "FV00004");
        values.put(RECORD_TYPE, "MO");
        values.put(START_TIME, Instant.parse("2026-11-01T01:00:00Z"));
        values.put(TRAFFIC_DAY, LocalDate.of(2026, 11, 1));
        values.put(CALLED_NUMBER, "+8613912345678");
        values.put(DURATION_S, 30);
        values.put(ANSWERED, true);
        values.put(IMSI, "460001");
        return values;
    }

    private static long hash(Map<String, Object> values) {
        return ContentHash.of(VOICE, values::get);
    }

    @Test
    void provenanceIsNotContent() {
        assertFalse(VOICE.contains(SOURCE_FILE) || VOICE.contains(SOURCE_LINE) || VOICE.contains(LANDING_DAY)
                || VOICE.contains(INGEST_RUN_ID) || VOICE.contains(CONTENT_HASH), VOICE.toString());
        assertTrue(VOICE.containsAll(List.of(RECORD_ID, DURATION_S, CALLING_RAW)), "raw forms are content");
        Map<String, Object> elsewhere = call();
        elsewhere.put(SOURCE_FILE, "b.csv");
        elsewhere.put(LANDING_DAY, LocalDate.of(2026, 11, 2));
        assertEquals(hash(call()), hash(elsewhere));
    }

    @Test
    void anyContentValueChangesIt() {
        Map<String, Object> longer = call();
        longer.put(DURATION_S, 999);
        assertNotEquals(hash(call()), hash(longer));
        Map<String, Object> emptyImsi = call();
        emptyImsi.put(IMSI, "");
        Map<String, Object> noImsi = call();
        noImsi.remove(IMSI);
        assertNotEquals(hash(emptyImsi), hash(noImsi), "empty text is not null");
        Map<String, Object> moved = call();
        moved.remove(IMSI);
        moved.put(IMEI, "460001");
        assertNotEquals(hash(call()), hash(moved), "the same value in another column");
    }

    @Test
    void tableValuesReadWithoutJava8TypesHashAlike() {
        Map<String, Object> legacyTypes = call();
        legacyTypes.put(START_TIME, java.sql.Timestamp.from(Instant.parse("2026-11-01T01:00:00Z")));
        legacyTypes.put(TRAFFIC_DAY, java.sql.Date.valueOf(LocalDate.of(2026, 11, 1)));
        assertEquals(hash(call()), hash(legacyTypes));
    }
}
