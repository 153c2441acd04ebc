package io.atlas.spark;

import io.atlas.domain.aggregate.DailyActivity;
import io.atlas.domain.catalog.ColumnType;
import io.atlas.domain.catalog.RowMapping;
import io.atlas.domain.catalog.TableRows;
import io.atlas.domain.lake.LogFormat;
import io.atlas.domain.normalize.FileCounts;
import io.atlas.domain.normalize.SplitFileNormalizer;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Function;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.jspecify.annotations.Nullable;
import scala.collection.JavaConverters;

/**
 * The Spark schemas of the three tables, derived from the domain's {@link RowMapping}s (same columns, order and
 * Parquet types as the local engine's files: timestamps in milliseconds, UTC), and the one row type normalize's
 * executors emit for all outputs. Values are set column by column by name.
 */
final class SparkRows {
    static final String KIND = "kind";
    static final String COUNTS = "counts";
    static final String RANGE = "range";
    static final String ITEM_KEY = "item_key";
    static final String ITEM_RANGE = "item_range";
    static final String REJECT_DAYLESS = "reject_dayless";
    static final String FILE = "file";
    static final String REJECT_PREFIX = "reject_";

    static final StructType LOGS = structType(TableRows.LOGS);
    static final StructType REJECTS = structType(TableRows.REJECTS);
    static final StructType DAILY_ACTIVITY = structType(TableRows.DAILY_ACTIVITY);

    /**
     * The small rows normalize's tasks send back: kind ({@link #COUNTS} of a whole file, {@link #RANGE} of a range,
     * {@link #FILE} written), then a piece's counts (or a file's output name and rows), its item and range.
     */
    static final StructType NORMALIZED = new StructType(new StructField[] {field(KIND, DataTypes.StringType),
        field("counts_format", DataTypes.StringType), field("counts_read", DataTypes.LongType),
        field("counts_processed", DataTypes.LongType), field("counts_rejected", DataTypes.LongType),
        field("counts_other_day", DataTypes.LongType), field(ITEM_KEY, DataTypes.StringType),
        field(ITEM_RANGE, DataTypes.IntegerType), field(REJECT_DAYLESS, DataTypes.BooleanType),
        field("counts_lines", DataTypes.LongType), field("counts_earliest", DataTypes.DateType),
        field("counts_dayless", DataTypes.LongType)});

    /** The files of rejects a normalize task writes ({@link NormalizeFiles#rejectsLayout}): prefixed, with their origin. */
    static final StructType TASK_REJECTS = new StructType(concat(prefixed(REJECT_PREFIX, REJECTS.fields()),
            new StructField[] {field(ITEM_KEY, DataTypes.StringType), field(ITEM_RANGE, DataTypes.IntegerType),
                field(REJECT_DAYLESS, DataTypes.BooleanType)}));

    private static final List<Function<DailyActivity, @Nullable Object>> DAILY_ACTIVITY_VALUES =
            TableRows.DAILY_ACTIVITY.valuesInColumnOrder();
    private static final int WIDTH = NORMALIZED.fields().length;
    private static final int COUNTS_AT = 1;
    private static final int ITEM_AT = COUNTS_AT + 5;

    private SparkRows() {}

    /** The Spark schema of a mapping's table: one nullable field per data column, typed from its definition. */
    static StructType structType(RowMapping<?> mapping) {
        return new StructType(mapping.table().columns().stream()
                .map(column -> field(column.name(), sparkType(column.type()))).toArray(StructField[]::new));
    }

    static DataType sparkType(ColumnType type) {
        return switch (type) {
            case STRING -> DataTypes.StringType;
            case INT -> DataTypes.IntegerType;
            case BIGINT -> DataTypes.LongType;
            case DOUBLE -> DataTypes.DoubleType;
            case BOOLEAN -> DataTypes.BooleanType;
            case DATE -> DataTypes.DateType;
            case TIMESTAMP -> DataTypes.TimestampType;
            case MAP_STRING_BIGINT -> DataTypes.createMapType(DataTypes.StringType, DataTypes.LongType, false);
        };
    }

    private static StructField field(String name, DataType type) {
        return DataTypes.createStructField(name, type, true);
    }

    private static StructField[] prefixed(String prefix, StructField[] fields) {
        StructField[] renamed = new StructField[fields.length];
        for (int i = 0; i < fields.length; i++) {
            renamed[i] = field(prefix + fields[i].name(), fields[i].dataType());
        }
        return renamed;
    }

    private static StructField[] concat(StructField[]... parts) {
        return java.util.Arrays.stream(parts).flatMap(java.util.Arrays::stream).toArray(StructField[]::new);
    }

    /** The reject columns of {@link #TASK_REJECTS}, with the names they take in the output. */
    static List<String[]> rejectColumns() {
        return java.util.Arrays.stream(REJECTS.fieldNames()).map(n -> new String[] {REJECT_PREFIX + n, n}).toList();
    }

    /** A file a task wrote for {@code output} (a log type's partition value, or its rejects), with its rows. */
    static Row file(String output, String key, long rows) {
        Object[] values = new Object[WIDTH];
        values[0] = FILE;
        values[COUNTS_AT] = output;
        values[COUNTS_AT + 1] = rows;
        values[ITEM_AT] = key;
        return RowFactory.create(values);
    }

    /** The counts of a whole file. */
    static Row counts(LogFormat format, FileCounts c) {
        return RowFactory.create(countValues(COUNTS, format, c.read(), c.processed(), c.rejected(), c.otherDay()));
    }

    /** What a range of a file gave; the file's counts come from all its ranges ({@link SplitFileNormalizer#complete}). */
    static Row range(NormalizePlan.Item item, SplitFileNormalizer.RangeSummary s) {
        Object[] values = countValues(RANGE, item.logFormat(), s.read(), s.processed(), s.rejects(), s.otherDay());
        values[ITEM_AT] = item.key();
        values[ITEM_AT + 1] = item.range();
        values[ITEM_AT + 3] = s.lines();
        values[ITEM_AT + 4] = s.earliest() == null ? null : Date.valueOf(s.earliest());
        values[ITEM_AT + 5] = s.dayless();
        return RowFactory.create(values);
    }

    /** A collected range row back as the domain's summary. */
    static SplitFileNormalizer.RangeSummary rangeSummary(Row row) {
        Date earliest = row.getDate(ITEM_AT + 4);
        return new SplitFileNormalizer.RangeSummary(row.getLong(ITEM_AT + 3), row.getLong(COUNTS_AT + 1),
                row.getLong(COUNTS_AT + 2), row.getLong(COUNTS_AT + 4), earliest == null ? null : earliest.toLocalDate(),
                row.getLong(COUNTS_AT + 3), row.getLong(ITEM_AT + 5));
    }

    private static Object[] countValues(String kind, LogFormat format, long read, long processed, long rejected, long otherDay) {
        Object[] values = new Object[WIDTH];
        values[0] = kind;
        values[COUNTS_AT] = format.folder();
        values[COUNTS_AT + 1] = read;
        values[COUNTS_AT + 2] = processed;
        values[COUNTS_AT + 3] = rejected;
        values[COUNTS_AT + 4] = otherDay;
        return values;
    }

    static Row gold(DailyActivity g) {
        Object[] values = new Object[DAILY_ACTIVITY.fields().length];
        place(values, 0, DAILY_ACTIVITY_VALUES, g);
        return RowFactory.create(values);
    }

    /** Puts a row's column values, converted to Spark's external types, into {@code values} from {@code at} on. */
    private static <R> void place(Object[] values, int at, List<Function<R, @Nullable Object>> columns, R row) {
        for (int i = 0; i < columns.size(); i++) {
            values[at + i] = spark(columns.get(i).apply(row));
        }
    }

    private static @Nullable Object spark(@Nullable Object value) {
        if (value instanceof Instant instant) {
            return Timestamp.from(instant);
        }
        if (value instanceof LocalDate date) {
            return Date.valueOf(date);
        }
        if (value instanceof java.util.Map<?, ?> map) {
            return JavaConverters.mapAsScalaMap(new java.util.HashMap<>(map));
        }
        return value;
    }
}
