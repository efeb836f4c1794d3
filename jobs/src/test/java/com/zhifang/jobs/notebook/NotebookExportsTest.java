package com.zhifang.jobs.notebook;

import com.zhifang.features.testing.SparkTestSession;
import com.zhifang.jobs.testing.GeneratedWarehouse;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/** Keeps {@code notebooks-exports/*.sql} runnable: each runs against a generated warehouse. */
class NotebookExportsTest {
    private static final Path EXPORTS = Path.of("..", "notebooks-exports");

    @TestFactory
    Stream<DynamicTest> everyNotebookExportRuns() throws IOException {
        List<Path> notebooks;
        try (Stream<Path> files = Files.list(EXPORTS)) {
            notebooks = files.filter(p -> p.toString().endsWith(".sql")).sorted().toList();
        }
        assertFalse(notebooks.isEmpty(), "no notebook exports found in " + EXPORTS.toAbsolutePath());
        GeneratedWarehouse generated = GeneratedWarehouse.get();
        generated.withNightly();   // every table the notebooks query holds the day's rows
        String someNumber = generated.warehouse().read(SparkTestSession.get(), "voice_calls")
                .filter("record_type = 'MO'").select("calling_number").first().getString(0);
        Map<String, String> parameters = Map.of("date", GeneratedWarehouse.LAST_DAY.toString(), "number", someNumber);
        return notebooks.stream().map(notebook -> DynamicTest.dynamicTest(notebook.getFileName().toString(), () -> {
            List<Dataset<Row>> results = SqlNotebook.run(SparkTestSession.get(), generated.warehouse(),
                    Files.readString(notebook), parameters);
            assertFalse(results.isEmpty());
            results.forEach(Dataset::collectAsList);   // runs every statement for real
        }));
    }

    @Test
    void statementsAreSplitAtLineEndSemicolonsWithoutComments() {
        List<String> statements = SqlNotebook.statements("-- header\nSELECT 1 -- one\n;\nSELECT '--x' AS a, ${v};\n", Map.of("v", "2"));
        assertEquals(List.of("SELECT 1", "SELECT '--x' AS a, 2"), statements);
    }

    @Test
    void aMissingParameterIsNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SqlNotebook.statements("SELECT ${date};", Map.of()));
        assertTrue(e.getMessage().contains("${date}"), e.getMessage());
    }
}
