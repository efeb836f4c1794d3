package com.zhifang.benchmarks.small;

import com.zhifang.benchmarks.NightlyBenchmark;
import com.zhifang.jobs.graph.GraphSettings;
import com.zhifang.jobs.io.Warehouse;
import com.zhifang.jobs.nightly.NightlyJob;
import com.zhifang.jobs.nightly.NightlySettings;
import com.zhifang.jobs.nightly.NightlyStage;
import com.zhifang.models.rules.RuleBook;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.ToLongFunction;
import java.util.regex.Pattern;

/**
 * {@code scripts/bench-small}: the fixed cost of a small nightly. Runs a landing zone's days (the
 * committed sample week by default) through the whole nightly in one JVM, exactly as
 * {@code zhifang nightly --from --to} does, and before each day a plain "read the day's raw files,
 * write them to Delta" pass over the same files (the floor). For every day and every step it
 * reports wall time, Spark jobs, Delta commits and the time in which no Spark job ran (driver-side
 * planning, Delta log reads and commits, file-system calls).
 *
 * <p>Jobs are counted by a Spark listener and commits as the {@code _delta_log} commit files that
 * appear during the step, so both counts are the same on any machine; wall and idle times are not.
 * A benchmark, not a test: it prints, it asserts nothing.
 */
public final class SmallNightlyBenchmark {
    private static final Logger LOG = LoggerFactory.getLogger(SmallNightlyBenchmark.class);
    /** The step name of the floor pass in the tables. */
    static final String FLOOR = "floor (raw CSV -> Delta)";
    /** How many of the busiest step labels the report lists. */
    private static final int TOP_STEPS = 25;
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern RUN_ID = Pattern.compile("run \\S+");

    /** @param days the landing days to run, in order */
    public record Settings(Path landing, Path work, List<LocalDate> days) {
        public Settings {
            Objects.requireNonNull(landing, "landing");
            Objects.requireNonNull(work, "work");
            days = List.copyOf(days);
            if (days.isEmpty()) {
                throw new IllegalArgumentException("no day to run");
            }
        }
    }

    /** One measured step of one day. {@code idleMillis}: wall time in which no Spark job ran. */
    public record Step(LocalDate day, String step, long wallMillis, int jobs, int commits, long idleMillis) {}

    /**
     * @param steps      every step of every day, in run order; the floor's step first in each day
     * @param jobsBySteps jobs per step label over the whole run (dates and run ids taken out), busiest first
     */
    public record Result(Settings settings, List<Step> steps, Map<String, Integer> jobsBySteps) {
        public List<Step> nightlySteps() {
            return steps.stream().filter(s -> !s.step().equals(FLOOR)).toList();
        }

        public List<Step> floorSteps() {
            return steps.stream().filter(s -> s.step().equals(FLOOR)).toList();
        }

        /** The nightly's steps of one day summed. */
        public Step nightlyOf(LocalDate day) {
            List<Step> of = nightlySteps().stream().filter(s -> s.day().equals(day)).toList();
            return new Step(day, "nightly", sum(of, Step::wallMillis), (int) sum(of, Step::jobs), (int) sum(of, Step::commits),
                    sum(of, Step::idleMillis));
        }

        public double nightlyToFloor() {
            return (double) sum(nightlySteps(), Step::wallMillis) / sum(floorSteps(), Step::wallMillis);
        }

        public int maxJobsPerDay() {
            return settings.days().stream().mapToInt(d -> nightlyOf(d).jobs()).max().orElse(0);
        }

        public int maxCommitsPerDay() {
            return settings.days().stream().mapToInt(d -> nightlyOf(d).commits()).max().orElse(0);
        }

        public String toMarkdown() {
            StringBuilder out = new StringBuilder();
            List<LocalDate> days = settings.days();
            out.append(String.format(Locale.ROOT, "bench-small: the nightly of %s..%s from %s in one JVM; %d cores, heap max %,d MB%n%n",
                    days.get(0), days.get(days.size() - 1), settings.landing(), Runtime.getRuntime().availableProcessors(),
                    Runtime.getRuntime().maxMemory() >> 20));
            out.append("| day | step | wall s | Spark jobs | Delta commits | no job running s |\n|---|---|---:|---:|---:|---:|\n");
            for (LocalDate day : days) {
                for (Step s : steps) {
                    if (s.day().equals(day) && !s.step().equals(FLOOR)) {
                        row(out, s, false);
                    }
                }
                row(out, nightlyOf(day), true);
                steps.stream().filter(s -> s.day().equals(day) && s.step().equals(FLOOR)).forEach(s -> row(out, s, false));
            }
            List<Step> nightly = nightlySteps();
            List<Step> floor = floorSteps();
            out.append(String.format(Locale.ROOT, "%n| %d days | wall s | Spark jobs | Delta commits | no job running s |%n|---|---:|---:|---:|---:|%n",
                    days.size()));
            out.append(String.format(Locale.ROOT, "| nightly | %.1f | %,d | %,d | %.1f (%.0f %%) |%n", sum(nightly, Step::wallMillis) / 1e3,
                    sum(nightly, Step::jobs), sum(nightly, Step::commits), sum(nightly, Step::idleMillis) / 1e3,
                    100.0 * sum(nightly, Step::idleMillis) / Math.max(1, sum(nightly, Step::wallMillis))));
            out.append(String.format(Locale.ROOT, "| floor | %.1f | %,d | %,d | %.1f |%n%n", sum(floor, Step::wallMillis) / 1e3,
                    sum(floor, Step::jobs), sum(floor, Step::commits), sum(floor, Step::idleMillis) / 1e3));
            out.append(String.format(Locale.ROOT, "nightly / floor = %.1fx wall (target 8x); Spark jobs per day at most %d (target 150); "
                    + "Delta commits per day at most %d (target 15)%n%n", nightlyToFloor(), maxJobsPerDay(), maxCommitsPerDay()));
            out.append("| step (busiest by jobs, all days) | Spark jobs |\n|---|---:|\n");
            jobsBySteps.entrySet().stream().limit(TOP_STEPS)
                    .forEach(e -> out.append("| ").append(e.getKey().replace("|", "\\|")).append(" | ").append(e.getValue()).append(" |\n"));
            return out.toString();
        }

        private static void row(StringBuilder out, Step s, boolean bold) {
            String b = bold ? "**" : "";
            out.append(String.format(Locale.ROOT, "| %s | %s%s%s | %s%.1f%s | %s%d%s | %s%d%s | %s%.1f%s |%n", s.day(), b, s.step(), b,
                    b, s.wallMillis() / 1e3, b, b, s.jobs(), b, b, s.commits(), b, b, s.idleMillis() / 1e3, b));
        }

        private static long sum(List<Step> steps, ToLongFunction<Step> f) {
            return steps.stream().mapToLong(f).sum();
        }
    }

    private SmallNightlyBenchmark() {}

    public static Result run(SparkSession spark, Settings settings, ZoneId zone) throws IOException {
        Path work = settings.work().toAbsolutePath();
        NightlyBenchmark.requireEmptyWork(work);
        Warehouse warehouse = new Warehouse(work.resolve("warehouse").toString());
        Path floorRoot = work.resolve("floor");
        SparkActivity activity = SparkActivity.register(spark);
        Boundaries boundaries = new Boundaries(work);
        NightlyJob nightly = new NightlyJob(spark, Clock.systemUTC(), GraphSettings.defaults(), RuleBook.defaults(), boundaries);
        try {
            for (LocalDate day : settings.days()) {
                boundaries.starting(day, FLOOR);
                double floorSeconds = NightlyBenchmark.ioFloor(spark, settings.landing().resolve(day.toString()),
                        floorRoot.resolve(day.toString()));
                LOG.info("bench-small {}: floor {} s", day, String.format(Locale.ROOT, "%.1f", floorSeconds));
                nightly.run("nightly", new NightlySettings(settings.landing().toString(), warehouse, List.of(day), zone),
                        NightlyStage.nightly());
            }
            List<SparkActivity.Job> jobs = activity.jobs(spark);
            List<Step> steps = boundaries.steps(jobs);
            Result result = new Result(settings, steps, jobsBySteps(jobs));
            Files.writeString(work.resolve("bench-small.md"), result.toMarkdown());
            return result;
        } finally {
            spark.sparkContext().removeSparkListener(activity);
        }
    }

    /** Jobs per step label, dates and run ids replaced by placeholders so that days add up. */
    static Map<String, Integer> jobsBySteps(List<SparkActivity.Job> jobs) {
        Map<String, Integer> counts = new TreeMap<>();
        for (SparkActivity.Job job : jobs) {
            String label = job.description() == null ? "(unlabelled)"
                    : RUN_ID.matcher(DATE.matcher(job.description()).replaceAll("<day>")).replaceAll("run <id>");
            counts.merge(label, 1, Integer::sum);
        }
        Map<String, Integer> busiestFirst = new LinkedHashMap<>();
        counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder())
                .thenComparing(Map.Entry.comparingByKey())).forEach(e -> busiestFirst.put(e.getKey(), e.getValue()));
        return busiestFirst;
    }

    /**
     * The boundaries between steps, as the nightly announces them (and the floor before each day):
     * the time and the Delta commit files present at each, so a step's commits are the files that
     * appeared before the next boundary.
     */
    private static final class Boundaries implements NightlyJob.StageObserver {
        private record Mark(LocalDate day, String step, long millis, Set<Path> commitFiles) {}

        private final Path work;
        private final List<Mark> marks = new ArrayList<>();

        Boundaries(Path work) {
            this.work = work;
        }

        @Override
        public void starting(LocalDate day, String step) {
            marks.add(new Mark(day, step, System.currentTimeMillis(), DeltaCommitFiles.under(work)));
        }

        @Override
        public void dayFinished(LocalDate day) {
            marks.add(new Mark(day, null, System.currentTimeMillis(), DeltaCommitFiles.under(work)));
        }

        List<Step> steps(List<SparkActivity.Job> jobs) {
            List<Step> steps = new ArrayList<>();
            for (int i = 0; i + 1 < marks.size(); i++) {
                Mark from = marks.get(i);
                if (from.step() == null) {
                    continue;   // the end of a day: the next mark opens the next day's floor
                }
                Mark to = marks.get(i + 1);
                SparkActivity.Span span = SparkActivity.span(jobs, from.millis(), to.millis());
                Set<Path> made = new HashSet<>(to.commitFiles());
                made.removeAll(from.commitFiles());
                long wall = to.millis() - from.millis();
                steps.add(new Step(from.day(), from.step(), wall, span.started().size(), made.size(), wall - span.busyMillis()));
            }
            return steps;
        }
    }
}
