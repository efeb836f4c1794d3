package com.zhifang.jobs.optimize;

import com.zhifang.features.catalog.Schemas;
import com.zhifang.features.schema.Tables;
import com.zhifang.jobs.io.Warehouse;
import com.zhifang.jobs.stage.BaseStageAction;
import io.delta.tables.DeltaOptimizeBuilder;
import io.delta.tables.DeltaTable;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static com.zhifang.features.schema.FeatureColumns.*;
import static com.zhifang.features.schema.RecordColumns.*;

/**
 * Rewrites day D's partition of the big tables into fewer, larger files and, where analysts and
 * the stages look rows up by number, Z-orders them by those numbers (Delta {@code OPTIMIZE ...
 * WHERE day = D [ZORDER BY ...]}).
 *
 * <p>Why: ingest writes a file per 2 M new records of each day it touches (late records leave
 * small files in older days) and every stage writes one file per shuffle partition, so a day
 * partition holds many small files on a cluster; and Delta's per-file
 * min/max statistics only skip files for a number lookup (a notebook's "all calls of 138...")
 * when the files are clustered by that number. Z-order keeps both callers and callees clustered.
 *
 * <p>Cost: one read and rewrite of day D's partition of each table (a sort by the Z-order curve
 * for the Z-ordered ones); nothing for a table or partition that does not exist. Not part of the
 * embedded nightly (small local days gain nothing); on a cluster run it after the nightly
 * ({@code nightly --optimize}) or on its own ({@code zhifang optimize}). Readers are never
 * blocked: OPTIMIZE commits a new table version. A partition of at most one file is left as it
 * is, so re-running on an optimized day rewrites nothing.
 */
public final class OptimizeAction extends BaseStageAction<OptimizeResult> {
    private static final Logger LOG = LoggerFactory.getLogger(OptimizeAction.class);

    /** A table whose day partitions are optimized, and the columns it is Z-ordered by (none: compaction only). */
    public record Layout(String table, List<String> zOrderBy) {
        public Layout {
            Schemas.schemaOf(table);   // rejects unknown names
            zOrderBy = List.copyOf(zOrderBy);
            String partition = Schemas.partitionColumnOf(table);
            if (zOrderBy.contains(partition)) {
                throw new IllegalArgumentException(table + ": cannot Z-order by its partition column " + partition);
            }
        }
    }

    /** The tables a nightly writes most rows to, with the number columns they are looked up by. */
    public static final List<Layout> DEFAULT_LAYOUTS = List.of(
            new Layout(Tables.VOICE_CALLS, List.of(CALLING_NUMBER, CALLED_NUMBER)),
            new Layout(Tables.SMS_MESSAGES, List.of(SENDER, RECIPIENT)),
            // The state kind first: a read of one state (every window merge) skips the files of the others.
            new Layout(Tables.FEATURE_DAY_STATE, List.of(STATE_KIND, NUMBER)),
            new Layout(Tables.FEATURES_NUMBER, List.of(NUMBER)),
            new Layout(Tables.GRAPH_FEATURES_NUMBER, List.of(NUMBER)),
            new Layout(Tables.QUARANTINE, List.of()));

    private final List<Layout> layouts;

    public OptimizeAction(SparkSession spark, Warehouse warehouse, LocalDate day, List<Layout> layouts) {
        super("optimize", spark, warehouse, day);
        this.layouts = List.copyOf(layouts);
    }

    @Override
    protected OptimizeResult run() {
        List<OptimizeResult.TableFiles> tables = new ArrayList<>();
        for (Layout layout : layouts) {
            if (!warehouse.exists(spark, layout.table())) {
                continue;
            }
            labels.step(layout.table());
            String inDay = Schemas.partitionColumnOf(layout.table()) + " = DATE'" + day + "'";
            // Z-ordering rewrites even a lone file, and within one file there is nothing for a reader to skip.
            if (warehouse.read(spark, layout.table()).where(inDay).inputFiles().length <= 1) {
                tables.add(new OptimizeResult.TableFiles(layout.table(), 0, 0));
                continue;
            }
            DeltaOptimizeBuilder builder = DeltaTable.forPath(spark, warehouse.tablePath(layout.table())).optimize().where(inDay);
            Dataset<Row> outcome = layout.zOrderBy().isEmpty() ? builder.executeCompaction()
                    : builder.executeZOrderBy(layout.zOrderBy().toArray(String[]::new));
            Row first = outcome.first();
            Row metrics = first.getStruct(first.fieldIndex("metrics"));
            OptimizeResult.TableFiles files = new OptimizeResult.TableFiles(layout.table(),
                    metrics.getLong(metrics.fieldIndex("numFilesRemoved")), metrics.getLong(metrics.fieldIndex("numFilesAdded")));
            LOG.info("optimize {}: {}: {} files rewritten into {}", day, layout.table(), files.removed(), files.added());
            tables.add(files);
        }
        return new OptimizeResult(tables);
    }
}
