package io.atlas.ports.dataset;

import static java.util.Objects.requireNonNull;

import io.atlas.domain.aggregate.DailyActivity;
import io.atlas.domain.catalog.AtlasTables;
import io.atlas.domain.catalog.TableDefinition;
import io.atlas.domain.lake.LogType;
import io.atlas.domain.normalize.RejectRow;
import io.atlas.domain.record.CanonicalRecord;
import java.time.LocalDate;
import java.util.List;

/** One of the three Atlas tables as rows of a Java type, with the partition values of a day. */
public record Dataset<R>(TableDefinition table, Class<R> rowType) {
    public static final Dataset<CanonicalRecord> LOGS = new Dataset<>(AtlasTables.LOGS, CanonicalRecord.class);
    public static final Dataset<RejectRow> REJECTS = new Dataset<>(AtlasTables.DATA_QUALITY_REJECTS, RejectRow.class);
    public static final Dataset<DailyActivity> DAILY_ACTIVITY = new Dataset<>(AtlasTables.DAILY_ACTIVITY, DailyActivity.class);
    public static final List<Dataset<?>> ALL = List.of(LOGS, REJECTS, DAILY_ACTIVITY);

    public Dataset {
        requireNonNull(table, "table is null");
        requireNonNull(rowType, "rowType is null");
    }

    public String name() {
        return table.name();
    }

    /** The lake prefix of a partition: the table location followed by {@code k=v/...}. */
    public String location(List<String> partition) {
        return table.location() + table.partitionPath(partition);
    }

    /** {@code log_type, year, month, day} of a day's access or error rows; zero-padded as in the path. */
    public static List<String> logsPartition(LogType logType, LocalDate day) {
        return List.of(logType.partitionValue(), year(day), twoDigits(day.getMonthValue()), twoDigits(day.getDayOfMonth()));
    }

    /** {@code year, month, day} of a process date's reject rows. */
    public static List<String> rejectsPartition(LocalDate processDate) {
        return List.of(year(processDate), twoDigits(processDate.getMonthValue()), twoDigits(processDate.getDayOfMonth()));
    }

    /** {@code date} of a day's gold row. */
    public static List<String> dailyActivityPartition(LocalDate day) {
        return List.of(day.toString());
    }

    private static String year(LocalDate day) {
        return String.format("%04d", day.getYear());
    }

    private static String twoDigits(int value) {
        return value < 10 ? "0" + value : Integer.toString(value);
    }

    @Override
    public String toString() {
        return table.name();
    }
}
