package com.zhifang.jobs.cli;

import com.zhifang.models.train.TrainSettings;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.*;

/** Option parsing of {@code zhifang train} (no Spark). */
class TrainCommandTest {
    @Test
    void optionsBecomeSettingsAndDefaultsAreTheSettingsDefaults() {
        TrainCommand defaults = new TrainCommand();
        new CommandLine(defaults).parseArgs("--warehouse", "w", "--date", "2026-11-07");
        assertEquals(TrainSettings.defaults(), defaults.settings());
        assertEquals(LocalDate.of(2026, 11, 7), defaults.date());

        TrainCommand set = new TrainCommand();
        new CommandLine(set).parseArgs("--warehouse", "w", "--date", "2026-11-07", "--lookback-days", "14",
                "--min-positives", "25", "--approve-auc", "0.95", "--negative-sample-rate", "0.5");
        TrainSettings s = set.settings();
        assertEquals(14, s.lookbackDays());
        assertEquals(25, s.minPositives());
        assertEquals(0.95, s.approveAuc());
        assertEquals(0.5, s.negativeSampleRate());
    }

    @Test
    void badValuesAreRefused() {
        TrainCommand command = new TrainCommand();
        new CommandLine(command).parseArgs("--warehouse", "w", "--date", "2026-11-07", "--approve-auc", "1.5");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, command::settings);
        assertTrue(e.getMessage().contains("approveAuc"), e.getMessage());

        CommandLine line = new CommandLine(new TrainCommand());
        line.setErr(new PrintWriter(new StringWriter()));
        assertEquals(2, line.execute("--warehouse", "w", "--date", "2026-13-01"), "not a date: usage error");
        assertEquals(2, line.execute("--date", "2026-11-07"), "no warehouse: usage error");
    }
}
