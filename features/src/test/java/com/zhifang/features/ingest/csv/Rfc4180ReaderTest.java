package com.zhifang.features.ingest.csv;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class Rfc4180ReaderTest {
    private static List<CsvRecord> readAll(String text) throws IOException {
        List<CsvRecord> records = new ArrayList<>();
        try (Rfc4180Reader reader = new Rfc4180Reader(new StringReader(text))) {
            for (CsvRecord r = reader.next(); r != null; r = reader.next()) {
                records.add(r);
            }
        }
        return records;
    }

    @Test
    void readsQuotedFieldsWithCommasQuotesAndLineBreaks() throws IOException {
        List<CsvRecord> records = readAll("a,b,c\r\n1,\"x, \"\"y\"\"\",3\r\n2,\"two\nlines\",4\n5,6,7\n");
        assertEquals(4, records.size());
        assertEquals(List.of("1", "x, \"y\"", "3"), records.get(1).fields());
        assertEquals(List.of("2", "two\nlines", "4"), records.get(2).fields());
        assertEquals(List.of(1L, 2L, 3L, 5L), records.stream().map(CsvRecord::line).toList());
        assertEquals("2,\"two\nlines\",4", records.get(2).raw());
    }

    @Test
    void skipsByteOrderMarkAndBlankLines() throws IOException {
        List<CsvRecord> records = readAll("\uFEFFa,b\n\n1,2\n\n");
        assertEquals(List.of("a", "b"), records.get(0).fields());
        assertEquals(List.of("1", "2"), records.get(1).fields());
        assertEquals(3L, records.get(1).line());
        assertEquals(2, records.size());
    }

    @Test
    void keepsEmptyFields() throws IOException {
        assertEquals(List.of("1", "", ""), readAll("1,,\n").get(0).fields());
    }

    @Test
    void lastRecordWithoutLineBreakIsMarkedUnterminated() throws IOException {
        List<CsvRecord> records = readAll("a,b\n1,2");
        assertTrue(records.get(0).terminated());
        assertFalse(records.get(1).terminated());
    }

    @Test
    void textAfterClosingQuoteIsAQuotingError() throws IOException {
        CsvRecord r = readAll("\"ab\"c,d\n").get(0);
        assertNull(r.fields());
        assertNotNull(r.quotingError());
        assertEquals("\"ab\"c,d", r.raw());
    }

    @Test
    void fileEndingInsideQuotesIsTruncated() {
        TruncatedCsvException e = assertThrows(TruncatedCsvException.class, () -> readAll("a,b\n1,\"open\n"));
        assertTrue(e.getMessage().contains("line 2"), e.getMessage());
    }
}
