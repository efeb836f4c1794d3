package com.zhifang.features.ingest;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.expressions.GenericRowWithSchema;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

import static com.zhifang.features.schema.RecordColumns.*;
import static org.junit.jupiter.api.Assertions.*;

class LandingFileParserTest {
    private static final LocalDate FOLDER_DAY = LocalDate.of(2026, 11, 2);
    private static final String VOICE_HEADER =
            "record_id,record_type,start_time,calling_number,called_number,answered,duration_s,ring_s,release_cause,cli_restricted,imsi,imei,cell_id,trunk_in";
    private static final String GOOD_CALL =
            "v1,MO,2026-11-02T08:15:30+08:00,13812345678,+8613912345678,1,65,4,16,0,460001234567890,356938035643809,C1,";

    @TempDir
    Path dir;

    private List<Row> parse(LandingDataset dataset, String name, String content) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return parseFile(dataset, file);
    }

    private static List<Row> parseFile(LandingDataset dataset, Path file) {
        LandingFileParser parser = new LandingFileParser(dataset, FOLDER_DAY, "run-1", ZoneId.of("Asia/Shanghai"), Map.of());
        StructType schema = LandingFileParser.parsedSchema(dataset);
        List<Row> rows = new ArrayList<>();
        parser.parse(file.toUri().toString()).forEachRemaining(r -> {
            Object[] values = new Object[r.size()];
            for (int i = 0; i < values.length; i++) {
                values[i] = r.get(i);
            }
            rows.add(new GenericRowWithSchema(values, schema));   // so tests can read fields by name
        });
        return rows;
    }

    private static <T> T value(Row row, String column) {
        return row.getAs(column);
    }

    private Row onlyVoiceRow(String line) throws IOException {
        List<Row> rows = parse(LandingDataset.VOICE, "voice.csv", VOICE_HEADER + "\n" + line + "\n");
        assertEquals(1, rows.size());
        return rows.get(0);
    }

    private void assertQuarantined(Row row, QuarantineReason reason, String field) {
        assertEquals(reason.name(), value(row, LandingFileParser.QUARANTINE_REASON));
        assertEquals(field, value(row, LandingFileParser.QUARANTINE_FIELD));
        assertNotNull(value(row, LandingFileParser.QUARANTINE_RAW));
        assertNull(row.get(0), "quarantined rows carry no data values");
    }

    @Test
    void acceptsAGoodCallWithNormalisedNumbersAndLineage() throws IOException {
        Row row = onlyVoiceRow(GOOD_CALL);
        assertNull(value(row, LandingFileParser.QUARANTINE_REASON));
        assertEquals("v1", value(row, RECORD_ID));
        assertEquals("+8613812345678", value(row, CALLING_NUMBER));
        assertEquals("13812345678", value(row, CALLING_RAW));
        assertEquals("MOBILE", value(row, CALLED_CLASS));
        assertEquals(Instant.parse("2026-11-02T00:15:30Z"), value(row, START_TIME));
        assertEquals(LocalDate.of(2026, 11, 2), value(row, TRAFFIC_DAY));
        assertEquals(Boolean.TRUE, value(row, ANSWERED));
        assertEquals(4, (Integer) value(row, RING_S));
        assertEquals(FOLDER_DAY, value(row, LANDING_DAY));
        assertEquals(2L, (Long) value(row, SOURCE_LINE));
        assertEquals("run-1", value(row, INGEST_RUN_ID));
        assertTrue(((String) value(row, SOURCE_FILE)).endsWith("voice.csv"));
    }

    @Test
    void trafficDayFollowsTheCarrierZoneNotTheFolder() throws IOException {
        // 23:59 in Shanghai on Nov 1, delivered late in Nov 2's folder; 15:59 UTC.
        Row row = onlyVoiceRow(GOOD_CALL.replace("2026-11-02T08:15:30+08:00", "2026-11-01T15:59:00Z"));
        assertEquals(LocalDate.of(2026, 11, 1), value(row, TRAFFIC_DAY));
        assertEquals(FOLDER_DAY, value(row, LANDING_DAY));
    }

    @Test
    void columnsAreFoundByNameAndExtraColumnsIgnored() throws IOException {
        String header = "extra,called_number,record_type,record_id,start_time,answered,duration_s,release_cause,cli_restricted";
        List<Row> rows = parse(LandingDataset.VOICE, "v.csv", header + "\nzzz,13912345678,GW,g1,2026-11-02T01:00:00+08:00,0,0,19,1\n");
        Row row = rows.get(0);
        assertNull(value(row, LandingFileParser.QUARANTINE_REASON));
        assertEquals("g1", value(row, RECORD_ID));
        assertEquals("HIDDEN", value(row, CALLING_CLASS), "absent calling_number column reads as empty");
        assertNull(value(row, RING_S));
        assertEquals(Boolean.TRUE, value(row, CLI_RESTRICTED));
    }

    @Test
    void badTimestamp() throws IOException {
        assertQuarantined(onlyVoiceRow(GOOD_CALL.replace("2026-11-02T08:15:30+08:00", "2026-11-02 08:15")),
                QuarantineReason.BAD_TIMESTAMP, START_TIME);
    }

    @Test
    void timestampWithoutOffsetIsBad() throws IOException {
        assertQuarantined(onlyVoiceRow(GOOD_CALL.replace("2026-11-02T08:15:30+08:00", "2026-11-02T08:15:30")),
                QuarantineReason.BAD_TIMESTAMP, START_TIME);
    }

    @Test
    void nonNumericNumberField() throws IOException {
        assertQuarantined(onlyVoiceRow(GOOD_CALL.replace(",65,4,16,", ",6x5,4,16,")), QuarantineReason.BAD_NUMBER_FIELD, DURATION_S);
    }

    @Test
    void negativeNumberField() throws IOException {
        assertQuarantined(onlyVoiceRow(GOOD_CALL.replace(",65,4,16,", ",65,-4,16,")), QuarantineReason.BAD_NUMBER_FIELD, RING_S);
    }

    @Test
    void flagThatIsNeitherZeroNorOne() throws IOException {
        assertQuarantined(onlyVoiceRow(GOOD_CALL.replace(",1,65,", ",yes,65,")), QuarantineReason.BAD_NUMBER_FIELD, ANSWERED);
        assertQuarantined(onlyVoiceRow(GOOD_CALL.replace(",1,65,", ",Y,65,")), QuarantineReason.BAD_NUMBER_FIELD, ANSWERED);
    }

    @Test
    void unknownRecordType() throws IOException {
        assertQuarantined(onlyVoiceRow(GOOD_CALL.replace("v1,MO,", "v1,XX,")), QuarantineReason.UNKNOWN_RECORD_TYPE, RECORD_TYPE);
    }

    @Test
    void wrongColumnCount() throws IOException {
        assertQuarantined(onlyVoiceRow(GOOD_CALL + ",surplus"), QuarantineReason.WRONG_COLUMN_COUNT, null);
        assertQuarantined(onlyVoiceRow("v1,MO,2026-11-02T08:15:30+08:00"), QuarantineReason.WRONG_COLUMN_COUNT, null);
    }

    @Test
    void missingRequiredField() throws IOException {
        assertQuarantined(onlyVoiceRow(GOOD_CALL.replace("v1,MO,", ",MO,")), QuarantineReason.MISSING_REQUIRED_FIELD, RECORD_ID);
        assertQuarantined(onlyVoiceRow(GOOD_CALL.replace(",+8613912345678,", ",,")), QuarantineReason.MISSING_REQUIRED_FIELD, CALLED_NUMBER);
    }

    private static final String SMS_HEADER =
            "record_id,record_type,send_time,sender,recipient,imsi,imei,cell_id,port_customer,segments,delivered,content";
    private static final String GOOD_SMS = "s1,MO,2026-11-02T10:00:00+08:00,13812345678,13912345678,,,,,1,1,hi";

    private Row onlySmsRow(String line) throws IOException {
        List<Row> rows = parse(LandingDataset.SMS, "sms.csv", SMS_HEADER + "\n" + line + "\n");
        assertEquals(1, rows.size());
        return rows.get(0);
    }

    private static Integer unusableOptionalNumbers(Row row) {
        return value(row, LandingFileParser.UNUSABLE_OPTIONAL_NUMBERS);
    }

    @Test
    void calledNumberThatIsNotANumberIsQuarantined() throws IOException {
        Row row = onlyVoiceRow(GOOD_CALL.replace(",+8613912345678,", ",13900ABCDEF,"));
        assertQuarantined(row, QuarantineReason.INVALID_NUMBER, CALLED_NUMBER);
        assertTrue(((String) value(row, LandingFileParser.QUARANTINE_MESSAGE)).contains("13900ABCDEF"));
    }

    @Test
    void calledNumberThatIsOnlyAPrefixIsQuarantined() throws IOException {
        assertQuarantined(onlyVoiceRow(GOOD_CALL.replace(",+8613912345678,", ",+86,")), QuarantineReason.INVALID_NUMBER, CALLED_NUMBER);
        assertQuarantined(onlyVoiceRow(GOOD_CALL.replace(",+8613912345678,", ", ,")), QuarantineReason.MISSING_REQUIRED_FIELD, CALLED_NUMBER);
    }

    @Test
    void smsRecipientThatIsNotANumberIsQuarantined() throws IOException {
        assertQuarantined(onlySmsRow(GOOD_SMS.replace(",13912345678,", ",139-12x45678,")), QuarantineReason.INVALID_NUMBER, RECIPIENT);
    }

    @Test
    void policeNumberThatIsNotANumberIsQuarantined() throws IOException {
        List<Row> rows = parse(LandingDataset.POLICE, "p.csv", "number,notified_on,case_ref\n"
                + "not-a-number,2026-11-02,K1\n13812345678,2026-11-02,K2\n");
        assertQuarantined(rows.get(0), QuarantineReason.INVALID_NUMBER, NUMBER);
        assertEquals("+8613812345678", value(rows.get(1), NUMBER));
    }

    @Test
    void complaintReportedNumberThatIsNotANumberIsQuarantined() throws IOException {
        List<Row> rows = parse(LandingDataset.COMPLAINTS, "c.csv", "reported_number,reported_at,category,channel,reporter_hash\n"
                + "1381234567O,2026-11-02T12:00:00+08:00,FRAUD,12321,r1\n");   // a letter O for the last zero
        assertQuarantined(rows.get(0), QuarantineReason.INVALID_NUMBER, REPORTED_NUMBER);
    }

    /**
     * A caller or sender our own network presented (MO calls and messages, SMS ports) must be a
     * number when present: text that is no number quarantines the record, naming the field. Empty
     * stays a hidden caller.
     */
    @Test
    void ourSubscribersCallerOrSenderThatIsNotANumberIsQuarantined() throws IOException {
        assertQuarantined(onlyVoiceRow(GOOD_CALL.replace(",13812345678,", ",13900ABCDEF,")), QuarantineReason.INVALID_NUMBER, CALLING_NUMBER);
        assertQuarantined(onlySmsRow(GOOD_SMS.replace(",13812345678,", ",PayBank,")), QuarantineReason.INVALID_NUMBER, SENDER);
        assertQuarantined(onlySmsRow(GOOD_SMS.replace("s1,MO,", "s1,PORT,").replace(",13812345678,", ",106-BANK,")),
                QuarantineReason.INVALID_NUMBER, SENDER);
        Row hidden = onlyVoiceRow(GOOD_CALL.replace(",13812345678,", ",,"));
        assertNull(value(hidden, LandingFileParser.QUARANTINE_REASON));
        assertEquals("HIDDEN", value(hidden, CALLING_CLASS));
    }

    /**
     * A caller ID or sender another network signalled (MT and GW calls, MT messages) is kept when it
     * is no number: a garbage caller ID on a trunk is evidence against the trunk. The record keeps
     * no key for it, its raw text and class INVALID, and is counted.
     */
    @Test
    void aCallerIdAnotherNetworkSignalledThatIsNotANumberIsKeptWithoutKeyAndCounted() throws IOException {
        Row row = onlyVoiceRow(GOOD_CALL.replace("v1,MO,", "v1,GW,").replace(",13812345678,", ",ANONYMOUS,"));
        assertNull(value(row, LandingFileParser.QUARANTINE_REASON));
        assertNull(value(row, CALLING_NUMBER));
        assertEquals("ANONYMOUS", value(row, CALLING_RAW));
        assertEquals("INVALID", value(row, CALLING_CLASS));
        assertEquals(1, unusableOptionalNumbers(row));
        Row sms = onlySmsRow(GOOD_SMS.replace("s1,MO,", "s1,MT,").replace(",13812345678,", ",PayBank,"));
        assertNull(value(sms, LandingFileParser.QUARANTINE_REASON));
        assertNull(value(sms, SENDER));
        assertEquals("INVALID", value(sms, SENDER_CLASS));
        assertEquals(1, unusableOptionalNumbers(sms));
    }

    /** Unusual but real numbers keep the record and are not counted as unusable. */
    @Test
    void unusualButRealNumbersAreAcceptedAndNotCounted() throws IOException {
        for (String[] numbers : new String[][] {{"", "95588"}, {"+447700900123", "110"}, {"1069012345678", "+8613912345678"},
                {"12012345678", "008613912345678"}}) {   // 120...: digits in an unassigned range, INVALID with a key
            Row row = onlyVoiceRow(GOOD_CALL.replace(",13812345678,+8613912345678,", "," + numbers[0] + "," + numbers[1] + ","));
            assertNull(value(row, LandingFileParser.QUARANTINE_REASON), List.of(numbers).toString());
            assertNotNull(value(row, CALLED_NUMBER), List.of(numbers).toString());
            assertEquals(0, unusableOptionalNumbers(row), List.of(numbers).toString());
        }
        Row port = onlySmsRow(GOOD_SMS.replace(",13812345678,", ",1069012345678,"));
        assertEquals("SMS_PORT", value(port, SENDER_CLASS));
        assertEquals(0, unusableOptionalNumbers(port));
    }

    @Test
    void feedbackAboutANumberThatIsNotANumberIsQuarantined() throws IOException {
        List<Row> rows = parse(LandingDataset.FEEDBACK, "f.csv", "entity_type,entity_id,decided_on,outcome,note\n"
                + "NUMBER,call-me,2026-11-02,CONFIRMED_FRAUD,\nTRUNK,TR-7,2026-11-02,FALSE_POSITIVE,\n");
        assertQuarantined(rows.get(0), QuarantineReason.INVALID_NUMBER, ENTITY_ID);
        assertEquals("TR-7", value(rows.get(1), ENTITY_ID));
    }

    /** Suspension actions (extension): each malformed field is named; the day is that of acted_at. */
    @Test
    void suspensionActionsAreValidatedFieldByField() throws IOException {
        String header = "number,action,acted_at,reason,operator";
        List<Row> rows = parse(LandingDataset.SUSPENSIONS, "suspensions.csv", header + "\n"
                + "+8613812345678,SUSPENDED,2026-11-02T23:30:00+08:00,police notice GA-1,OPS-001\n"
                + "13812345678,SUSPEND,2026-11-02T10:00:00+08:00,,OPS-001\n"
                + "13812345678,SUSPENDED,2026-11-02 10:00,,OPS-001\n"
                + "call-me,SUSPENDED,2026-11-02T10:00:00+08:00,,OPS-001\n"
                + ",NOT_SUSPENDED,2026-11-02T10:00:00+08:00,spoofing victim,OPS-002\n"
                + "13812345678,RESTORED,2026-11-02T10:00:00+08:00\n"
                + "013812345678,NOT_SUSPENDED,2026-11-01T17:00:00Z,\"re-assigned, old owner\",\n");
        assertEquals("+8613812345678", value(rows.get(0), NUMBER));
        assertEquals("SUSPENDED", value(rows.get(0), ACTION));
        assertEquals(LocalDate.of(2026, 11, 2), value(rows.get(0), EVENT_DAY));
        assertEquals("OPS-001", value(rows.get(0), OPERATOR));
        assertQuarantined(rows.get(1), QuarantineReason.UNKNOWN_CODE, ACTION);
        assertQuarantined(rows.get(2), QuarantineReason.BAD_TIMESTAMP, ACTED_AT);
        assertQuarantined(rows.get(3), QuarantineReason.INVALID_NUMBER, NUMBER);
        assertQuarantined(rows.get(4), QuarantineReason.MISSING_REQUIRED_FIELD, NUMBER);
        assertQuarantined(rows.get(5), QuarantineReason.WRONG_COLUMN_COUNT, null);
        // 17:00Z is 01:00 the next carrier-local day
        assertEquals(LocalDate.of(2026, 11, 2), value(rows.get(6), EVENT_DAY));
        assertEquals("re-assigned, old owner", value(rows.get(6), REASON));
        assertNull(value(rows.get(6), OPERATOR));
    }

    @Test
    void aSuspensionFileWithoutTheActionColumnFails() throws IOException {
        Path file = dir.resolve("suspensions-bad.csv");
        Files.writeString(file, "number,acted_at\n13812345678,2026-11-02T10:00:00+08:00\n", StandardCharsets.UTF_8);
        LandingFileException e = assertThrows(LandingFileException.class, () -> parseFile(LandingDataset.SUSPENSIONS, file));
        assertTrue(e.getMessage().contains("action"), e.getMessage());
    }

    @Test
    void brokenQuoting() throws IOException {
        assertQuarantined(onlyVoiceRow(GOOD_CALL.replace("v1,", "\"v1\"x,")), QuarantineReason.BAD_QUOTING, null);
    }

    @Test
    void quarantineKeepsLineNumberAndRawText() throws IOException {
        List<Row> rows = parse(LandingDataset.VOICE, "v.csv",
                VOICE_HEADER + "\n" + GOOD_CALL + "\n" + GOOD_CALL.replace("v1,MO", "v2,ZZ") + "\n");
        Row bad = rows.get(1);
        assertEquals(3L, (Long) value(bad, SOURCE_LINE));
        assertEquals(GOOD_CALL.replace("v1,MO", "v2,ZZ"), value(bad, LandingFileParser.QUARANTINE_RAW));
        assertEquals("run-1", value(bad, INGEST_RUN_ID));
    }

    @Test
    void smsWithMultiLineQuotedContentAndZeroSegments() throws IOException {
        String header = "record_id,record_type,send_time,sender,recipient,imsi,imei,cell_id,port_customer,segments,delivered,content";
        List<Row> rows = parse(LandingDataset.SMS, "s.csv", header + "\n"
                + "s1,PORT,2026-11-02T10:00:00+08:00,1069012345678,13912345678,,,,ACME,1,1,\"Code 1234,\nvalid 5 min\"\n"
                + "s2,MO,2026-11-02T10:00:00+08:00,13812345678,13912345678,,,,,0,1,hi\n");
        assertEquals("SMS_PORT", value(rows.get(0), SENDER_CLASS));
        assertEquals("Code 1234,\nvalid 5 min", value(rows.get(0), CONTENT));
        assertEquals(4L, (Long) value(rows.get(1), SOURCE_LINE));
        assertQuarantined(rows.get(1), QuarantineReason.BAD_NUMBER_FIELD, SEGMENTS);
    }

    @Test
    void complaintsGetAStableContentKeyAndRejectUnknownCategories() throws IOException {
        String header = "reported_number,reported_at,category,channel,reporter_hash";
        List<Row> rows = parse(LandingDataset.COMPLAINTS, "c.csv", header + "\n"
                + "13812345678,2026-11-02T12:00:00+08:00,FRAUD,12321,r1\n"
                + "+8613812345678,2026-11-02T12:00:00+08:00,FRAUD,12321,r1\n"
                + "13812345678,2026-11-02T12:00:00+08:00,SCAM,APP,r2\n");
        assertEquals((String) value(rows.get(0), RECORD_ID), value(rows.get(1), RECORD_ID),
                "the same complaint in another number form is the same record");
        assertQuarantined(rows.get(2), QuarantineReason.UNKNOWN_CODE, CATEGORY);
    }

    @Test
    void snapshotsNormaliseKeysAndPrefixes() throws IOException {
        List<Row> trunks = parse(LandingDataset.TRUNKS, "trunks.csv", "trunk_id,trunk_type,owner,authorized_cli\n"
                + "PL1,PRIVATE_LINE,Bank,95588;01058581234\n");
        assertEquals(List.of("+8695588", "+861058581234"), Arrays.asList((String[]) value(trunks.get(0), AUTHORIZED_PREFIXES)));
        List<Row> allow = parse(LandingDataset.ALLOWLIST, "allowlist.csv", "number,owner,category,valid_until\n"
                + "95588,Bank,BANK,2027-12-31\n1069001*,Parcel,COURIER,\nabc,X,Y,\n");
        assertEquals(Boolean.TRUE, value(allow.get(1), IS_PREFIX));
        assertEquals("+861069001", value(allow.get(1), NUMBER));
        assertQuarantined(allow.get(2), QuarantineReason.INVALID_NUMBER, NUMBER);
        List<Row> subscribers = parse(LandingDataset.SUBSCRIBERS, "subscribers.csv",
                "msisdn,imsi,activated_on,plan,customer_type,id_hash,real_name_verified,reseller_id,status\n"
                        + "13812345678,4600,2026-10-30,PREPAID,PERSONAL,h,1,,ACTIVE\n"
                        + "13812345679,4600,30/10/2026,PREPAID,PERSONAL,h,1,,ACTIVE\n");
        assertEquals(FOLDER_DAY, value(subscribers.get(0), SNAPSHOT_DATE));
        assertQuarantined(subscribers.get(1), QuarantineReason.BAD_TIMESTAMP, ACTIVATED_ON);
    }

    /**
     * ported.csv: the number is normalised like a subscriber's MSISDN; a malformed or empty number,
     * an empty or blank operator and a missing or non-ISO date each quarantine their line, naming
     * the file, the line and the field.
     */
    @Test
    void portedNumbersAreNormalisedAndMalformedRowsQuarantinedNamingFileLineAndField() throws IOException {
        List<Row> rows = parse(LandingDataset.PORTED, "ported.csv", "ported_on,number,operator,note\n"
                + "2026-10-01,13812345678,CUCC,x\n"             // line 2: columns by name, extra column ignored
                + "2026-10-02,+8613812345679,CTCC,\n"          // line 3
                + "2026-10-01,138-1234-ABCD,CUCC,\n"           // line 4: not a number
                + "2026-10-01,,CUCC,\n"                        // line 5: no number
                + "2026-10-01,13812345680,,\n"                 // line 6: no operator
                + "2026-10-01,13812345681,  ,\n"               // line 7: blank operator
                + "01/10/2026,13812345682,CUCC,\n"             // line 8: not an ISO date
                + ",13812345683,CUCC,\n");                     // line 9: no date
        assertEquals(8, rows.size());
        Row first = rows.get(0);
        assertNull(value(first, LandingFileParser.QUARANTINE_REASON));
        assertEquals(List.of("+8613812345678", "13812345678", "CUCC", LocalDate.of(2026, 10, 1), FOLDER_DAY),
                List.of(value(first, NUMBER), value(first, NUMBER_RAW), value(first, OPERATOR), value(first, PORTED_ON),
                        value(first, SNAPSHOT_DATE)));
        assertEquals("+8613812345679", value(rows.get(1), NUMBER));
        Object[][] expected = {
                {4L, QuarantineReason.INVALID_NUMBER, NUMBER},
                {5L, QuarantineReason.MISSING_REQUIRED_FIELD, NUMBER},
                {6L, QuarantineReason.MISSING_REQUIRED_FIELD, OPERATOR},
                {7L, QuarantineReason.MISSING_REQUIRED_FIELD, OPERATOR},
                {8L, QuarantineReason.BAD_TIMESTAMP, PORTED_ON},
                {9L, QuarantineReason.MISSING_REQUIRED_FIELD, PORTED_ON}};
        for (int i = 0; i < expected.length; i++) {
            Row bad = rows.get(i + 2);
            assertQuarantined(bad, (QuarantineReason) expected[i][1], (String) expected[i][2]);
            assertEquals(expected[i][0], value(bad, SOURCE_LINE));
            assertTrue(value(bad, SOURCE_FILE).toString().endsWith("ported.csv"), value(bad, SOURCE_FILE).toString());
            String message = value(bad, LandingFileParser.QUARANTINE_MESSAGE);
            assertTrue(message.contains((String) expected[i][2]), message);
        }
    }

    @Test
    void portedFileWithoutOperatorColumnFailsNamingFileAndColumn() {
        LandingFileException e = assertThrows(LandingFileException.class,
                () -> parse(LandingDataset.PORTED, "ported.csv", "number,ported_on\n13812345678,2026-10-01\n"));
        assertTrue(e.getMessage().contains("ported.csv") && e.getMessage().contains(OPERATOR), e.getMessage());
    }

    @Test
    void onlyPortedCsvBelongsToThePortedDataset() {
        assertTrue(LandingDataset.PORTED.accepts("ported.csv"));
        assertTrue(LandingDataset.PORTED.accepts("ported.csv.gz"));
        assertFalse(LandingDataset.PORTED.accepts("roaming.csv"));
        assertFalse(LandingDataset.ROAMING.accepts("ported.csv"));
        assertFalse(LandingDataset.SUBSCRIBERS.accepts("ported.csv"));
    }

    @Test
    void gzipFilesAreRead() throws IOException {
        Path file = dir.resolve("voice.csv.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write((VOICE_HEADER + "\n" + GOOD_CALL + "\n").getBytes(StandardCharsets.UTF_8));
        }
        assertEquals("v1", value(parseFile(LandingDataset.VOICE, file).get(0), RECORD_ID));
    }

    @Test
    void truncatedGzipFailsNamingTheFile() throws IOException {
        Path whole = dir.resolve("whole.csv.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(whole))) {
            out.write((VOICE_HEADER + "\n").getBytes(StandardCharsets.UTF_8));
            for (int i = 0; i < 2000; i++) {
                out.write((GOOD_CALL.replace("v1,", "v" + i + ",") + "\n").getBytes(StandardCharsets.UTF_8));
            }
        }
        byte[] bytes = Files.readAllBytes(whole);
        Path cut = dir.resolve("cut.csv.gz");
        Files.write(cut, Arrays.copyOf(bytes, bytes.length / 2));
        LandingFileException e = assertThrows(LandingFileException.class, () -> parseFile(LandingDataset.VOICE, cut));
        assertTrue(e.getMessage().contains("cut.csv.gz") && e.getMessage().contains("truncated"), e.getMessage());
    }

    @Test
    void lastLineCutShortFailsAsTruncated() {
        LandingFileException e = assertThrows(LandingFileException.class,
                () -> parse(LandingDataset.VOICE, "short.csv", VOICE_HEADER + "\n" + GOOD_CALL + "\nv2,MO,2026-11-02T08"));
        assertTrue(e.getMessage().contains("short.csv") && e.getMessage().contains("truncated"), e.getMessage());
    }

    @Test
    void completeLastLineWithoutLineBreakIsAccepted() throws IOException {
        List<Row> rows = parse(LandingDataset.VOICE, "v.csv", VOICE_HEADER + "\n" + GOOD_CALL);
        assertNull(value(rows.get(0), LandingFileParser.QUARANTINE_REASON));
    }

    @Test
    void emptyFileFails() {
        LandingFileException e = assertThrows(LandingFileException.class, () -> parse(LandingDataset.VOICE, "empty.csv", ""));
        assertTrue(e.getMessage().contains("empty.csv"), e.getMessage());
    }

    @Test
    void headerWithoutRequiredColumnsFailsNamingThem() {
        LandingFileException e = assertThrows(LandingFileException.class,
                () -> parse(LandingDataset.VOICE, "h.csv", "record_id,start_time\nv1,2026-11-02T08:15:30+08:00\n"));
        assertTrue(e.getMessage().contains("h.csv") && e.getMessage().contains("record_type"), e.getMessage());
    }

    @Test
    void missingFileFailsNamingIt() {
        LandingFileException e = assertThrows(LandingFileException.class,
                () -> parseFile(LandingDataset.VOICE, dir.resolve("gone.csv")));
        assertTrue(e.getMessage().contains("gone.csv") && e.getMessage().contains("missing"), e.getMessage());
    }

    @Test
    void headerOnlyFileHasNoRows() throws IOException {
        assertEquals(List.of(), parse(LandingDataset.VOICE, "h.csv", VOICE_HEADER + "\n"));
    }
}
