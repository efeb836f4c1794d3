package com.zhifang.models.train;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Trained models under {@code <warehouse>/models/}, one folder per version:
 * <pre>
 *   &lt;root&gt;/&lt;version&gt;/trees.ubj       the fitted trees (XGBoost's booster format, {@link BoostedTreesModel#toBytes})
 *   &lt;root&gt;/&lt;version&gt;/metrics.json    {@link ModelCard}: counts, held-out metrics, inputs, range, settings
 *   &lt;root&gt;/&lt;version&gt;/APPROVED        empty marker: the model may score
 * </pre>
 * Version ids are {@code gbt-<D>-<yyyyMMddHHmmss>} (D the training date, then the save time in
 * UTC from the caller's clock), so they sort by training date, then by save time.
 *
 * <p>A model is approved when its held-out AUC-ROC reaches {@link TrainSettings#approveAuc()} and
 * it saw at least {@link TrainSettings#minPositives()} positive numbers. The marker is written
 * last, after the trees and the metrics: a save that dies half way leaves an unapproved folder,
 * which scoring ignores. Approval can be withdrawn by deleting the marker. Folders saved by
 * Zhifang before the move to XGBoost hold an MLlib {@code pipeline/} instead of {@code trees.ubj};
 * scoring skips them with a warning (retrain to replace them).
 *
 * <p>Any Hadoop file system URI works as root. Cost: file listing and small files; loading a
 * model reads its trees file and its metrics.
 */
public final class ModelRegistry {
    private static final Logger LOG = LoggerFactory.getLogger(ModelRegistry.class);
    public static final String TREES_FILE = "trees.ubj";
    /** What versions saved before the move to XGBoost hold instead of {@link #TREES_FILE}. */
    static final String LEGACY_PIPELINE_DIR = "pipeline";
    public static final String METRICS_FILE = "metrics.json";
    public static final String APPROVED_MARKER = "APPROVED";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmmss", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final Pattern VERSION = Pattern.compile(ModelCard.ALGORITHM + "-(\\d{4}-\\d{2}-\\d{2})-(\\d{14})");
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final SparkSession spark;
    private final String root;

    /** @param root the models folder, {@code <warehouse>/models} */
    public ModelRegistry(SparkSession spark, String root) {
        this.spark = Objects.requireNonNull(spark, "spark");
        this.root = Objects.requireNonNull(root, "root");
    }

    public String root() {
        return root;
    }

    /** {@code gbt-<trainedFor>-<yyyyMMddHHmmss of clock.instant() in UTC>}. */
    public static String versionId(LocalDate trainedFor, Clock clock) {
        return ModelCard.ALGORITHM + "-" + trainedFor + "-" + STAMP.format(clock.instant());
    }

    /** Whether a report's model may score, and why (or why not). */
    public record Approval(boolean approved, String reason) {}

    public static Approval approval(TrainingReport report, TrainSettings settings) {
        if (!report.trained() || report.metrics().isEmpty()) {
            return new Approval(false, "no model: " + report.refusal().orElse("not trained"));
        }
        double auc = report.metrics().get().aucRoc();
        if (report.positiveNumbers() < settings.minPositives()) {
            return new Approval(false, report.positiveNumbers() + " positive numbers, fewer than the minimum "
                    + settings.minPositives());
        }
        if (Double.isNaN(auc) || auc < settings.approveAuc()) {
            return new Approval(false, String.format(Locale.ROOT, "held-out AUC-ROC %.4f is below the bar %.4f", auc,
                    settings.approveAuc()));
        }
        return new Approval(true, String.format(Locale.ROOT, "held-out AUC-ROC %.4f >= %.4f with %d positive numbers", auc,
                settings.approveAuc(), report.positiveNumbers()));
    }

    /**
     * Saves a trained model as a new version: trees, metrics.json, and the approval marker when
     * {@link #approval} says so. Fails if the version folder exists (two saves in one second).
     *
     * @param rangeFrom first feature date of the training range
     */
    public ModelCard save(LocalDate trainedFor, LocalDate rangeFrom, Clock clock, TrainingReport report, TrainSettings settings) {
        BoostedTreesModel model = report.model().orElseThrow(() -> new IllegalArgumentException(
                "nothing to save: training was refused: " + report.refusal().orElse("")));
        Instant createdAt = clock.instant();
        String version = versionId(trainedFor, Clock.fixed(createdAt, ZoneOffset.UTC));
        Approval approval = approval(report, settings);
        ModelCard card = new ModelCard(version, trainedFor, createdAt, rangeFrom, report, settings, ModelFeatures.COLUMNS,
                approval.approved(), approval.reason());
        Path dir = new Path(root, version);
        try {
            FileSystem fs = dir.getFileSystem(spark.sparkContext().hadoopConfiguration());
            if (fs.exists(dir)) {
                throw new IllegalStateException("model version " + version + " exists already at " + dir);
            }
            try (FSDataOutputStream out = fs.create(new Path(dir, TREES_FILE), false)) {
                out.write(model.toBytes());
            }
            write(fs, new Path(dir, METRICS_FILE), JSON.writeValueAsString(card.toJsonMap()));
            if (approval.approved()) {
                write(fs, new Path(dir, APPROVED_MARKER), approval.reason() + "\n");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save model " + version + " under " + root, e);
        }
        LOG.info("model {} saved at {}: {}", version, dir, approval.reason());
        return card;
    }

    /** Every saved version (approved or not), oldest first. */
    public List<String> versions() {
        Path rootPath = new Path(root);
        List<String> versions = new ArrayList<>();
        try {
            FileSystem fs = rootPath.getFileSystem(spark.sparkContext().hadoopConfiguration());
            if (!fs.exists(rootPath)) {
                return versions;
            }
            for (FileStatus s : fs.listStatus(rootPath)) {
                if (s.isDirectory() && VERSION.matcher(s.getPath().getName()).matches()) {
                    versions.add(s.getPath().getName());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list models under " + root, e);
        }
        versions.sort(Comparator.naturalOrder());   // fixed-width date then time stamp: text order is time order
        return versions;
    }

    public boolean isApproved(String version) {
        Path marker = new Path(new Path(root, version), APPROVED_MARKER);
        try {
            return marker.getFileSystem(spark.sparkContext().hadoopConfiguration()).exists(marker);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + marker, e);
        }
    }

    /** The newest approved model of any training date; empty when there is none (score on rules alone). */
    public Optional<ApprovedModel> newestApproved() {
        return newest(null);
    }

    /**
     * The newest approved model trained for a date on or before {@code day} (a backfill of day D
     * does not use a model that saw labels after D); empty when there is none.
     */
    public Optional<ApprovedModel> newestApproved(LocalDate day) {
        return newest(Objects.requireNonNull(day, "day"));
    }

    private Optional<ApprovedModel> newest(LocalDate onOrBefore) {
        List<String> versions = versions();
        for (int i = versions.size() - 1; i >= 0; i--) {
            String version = versions.get(i);
            LocalDate trainedFor = trainedFor(version);
            if ((onOrBefore == null || !trainedFor.isAfter(onOrBefore)) && isApproved(version)) {
                Path dir = new Path(root, version);
                Optional<byte[]> trees = readTrees(dir);
                if (trees.isEmpty()) {
                    LOG.warn("model {}: approved but saved before the move to XGBoost (no {}); skipped, retrain to replace it",
                            version, TREES_FILE);
                    continue;
                }
                List<String> features = new ArrayList<>();
                readCard(new Path(dir, METRICS_FILE)).path("features").forEach(f -> features.add(f.asText()));
                BoostedTreesModel model = BoostedTreesModel.fromBytes(features, trees.get());
                LOG.info("model {}: newest approved{}", version, onOrBefore == null ? "" : " on or before " + onOrBefore);
                return Optional.of(new ApprovedModel(version, trainedFor, model));
            }
        }
        return Optional.empty();
    }

    /** The training date in a version id. */
    public static LocalDate trainedFor(String version) {
        Matcher m = VERSION.matcher(version);
        if (!m.matches()) {
            throw new IllegalArgumentException("not a model version id: " + version);
        }
        return LocalDate.parse(m.group(1));
    }

    /** The parsed {@code metrics.json} of a version. */
    public JsonNode card(String version) {
        return readCard(new Path(new Path(root, version), METRICS_FILE));
    }

    private JsonNode readCard(Path file) {
        try (InputStream in = file.getFileSystem(spark.sparkContext().hadoopConfiguration()).open(file)) {
            return JSON.readTree(in);
        } catch (FileNotFoundException e) {
            throw new IllegalStateException("model folder without " + METRICS_FILE + ": " + file.getParent(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** The saved trees of a version folder; empty when it has none (a legacy MLlib pipeline). */
    private Optional<byte[]> readTrees(Path dir) {
        Path file = new Path(dir, TREES_FILE);
        try {
            FileSystem fs = file.getFileSystem(spark.sparkContext().hadoopConfiguration());
            if (!fs.exists(file)) {
                return Optional.empty();
            }
            try (FSDataInputStream in = fs.open(file)) {
                return Optional.of(in.readAllBytes());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private static void write(FileSystem fs, Path file, String text) throws IOException {
        try (FSDataOutputStream out = fs.create(file, false)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
    }
}
