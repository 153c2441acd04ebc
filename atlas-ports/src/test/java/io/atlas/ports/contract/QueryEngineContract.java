package io.atlas.ports.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.atlas.domain.catalog.AtlasTables;
import io.atlas.domain.lake.LogType;
import io.atlas.domain.run.RunId;
import io.atlas.ports.ErrorCategory;
import io.atlas.ports.catalog.Catalog;
import io.atlas.ports.catalog.CatalogPartition;
import io.atlas.ports.dataset.Dataset;
import io.atlas.ports.dataset.DatasetStore;
import io.atlas.ports.dataset.PartitionInfo;
import io.atlas.ports.dataset.PartitionWriter;
import io.atlas.ports.query.QueryEngine;
import io.atlas.ports.query.QueryException;
import io.atlas.ports.query.QueryResult;
import io.atlas.ports.testing.Rows;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The behaviour every {@link QueryEngine} must have: the origin's Athena queries run unchanged over the catalog. */
public abstract class QueryEngineContract {
    protected static final LocalDate D29 = LocalDate.of(2024, 11, 29);
    protected static final LocalDate D30 = LocalDate.of(2024, 11, 30);

    /** Datasets and catalog the engine reads, and the engine. */
    public record QueryLake(DatasetStore datasets, Catalog catalog, QueryEngine engine) {}

    protected QueryLake lake;

    protected abstract QueryLake createLake() throws Exception;

    @BeforeEach
    void setUpLake() throws Exception {
        lake = createLake();
        lake.catalog().createDatabase(AtlasTables.DATABASE);
        AtlasTables.ALL.forEach(t -> lake.catalog().putTable(AtlasTables.DATABASE, t));
    }

    private <R> void publish(Dataset<R> dataset, List<String> partition, List<R> rows) {
        PartitionInfo info;
        try (PartitionWriter<R> writer = lake.datasets().overwrite(dataset, partition, RunId.of("q1"))) {
            rows.forEach(writer::write);
            info = writer.commit();
        }
        lake.catalog().addPartitions(AtlasTables.DATABASE, dataset.name(), List.of(new CatalogPartition(partition, info.location())));
    }

    private void publishTwoDays() {
        publish(Dataset.LOGS, Dataset.logsPartition(LogType.ACCESS, D29), List.of(
                Rows.access("2024-11-29T01:00:00Z", "1.1.1.1", "Chrome/120.0", 200),
                Rows.access("2024-11-29T02:00:00Z", "2.2.2.2", null, 404)));
        publish(Dataset.LOGS, Dataset.logsPartition(LogType.ERROR, D29), List.of(Rows.error("2024-11-29T03:00:00Z", "3.3.3.3", 503)));
        publish(Dataset.LOGS, Dataset.logsPartition(LogType.ACCESS, D30), List.of(
                Rows.access("2024-11-30T01:00:00Z", "1.1.1.1", "Chrome/120.0", 200)));
        publish(Dataset.DAILY_ACTIVITY, Dataset.dailyActivityPartition(D30), List.of(Rows.gold(D30, 1, 0)));
        publish(Dataset.DAILY_ACTIVITY, Dataset.dailyActivityPartition(D29), List.of(Rows.gold(D29, 8, 2)));
    }

    @Test
    void countsLogsOfADayByTypeWithTheOriginQuery() {
        publishTwoDays();

        QueryResult result = lake.engine().execute("SELECT log_type, COUNT(*) FROM log_analytics_db.logs "
                + "WHERE year = 2024 AND month = 11 AND day = 29 GROUP BY log_type");

        assertThat(result.columns()).hasSize(2).first().isEqualTo("log_type");
        assertThat(result.rows().stream().sorted(Comparator.comparing(r -> (String) r.get(0))).toList())
                .containsExactly(List.of("access", 2L), List.of("error", 1L));
    }

    @Test
    void reportsTheDailyErrorRateWithTheOriginQuery() {
        publishTwoDays();

        QueryResult result = lake.engine().execute("SELECT date, total_requests, error_count, "
                + "CAST(error_count AS DOUBLE) / total_requests AS error_rate FROM log_analytics_db.daily_activity ORDER BY date");

        assertThat(result.columns()).containsExactly("date", "total_requests", "error_count", "error_rate");
        assertThat(result.rows()).containsExactly(List.of(D29, 8L, 2L, 0.25), List.of(D30, 1L, 0L, 0.0));
    }

    @Test
    void seesPartitionColumnsMapsAndRejects() {
        publishTwoDays();
        publish(Dataset.REJECTS, Dataset.rejectsPartition(D29), List.of(
                Rows.reject(D29, 3, io.atlas.domain.record.RejectReason.MISSING_FIELD, "{}")));

        QueryResult maps = lake.engine().execute(
                "SELECT requests_by_type FROM log_analytics_db.daily_activity WHERE date = DATE '2024-11-29'");
        QueryResult rejects = lake.engine().execute(
                "SELECT process_date, reason_code, record_index, year, month, day FROM log_analytics_db.data_quality_rejects");
        QueryResult days = lake.engine().execute(
                "SELECT DISTINCT year, month, day FROM log_analytics_db.logs ORDER BY day");

        assertThat(maps.rows()).containsExactly(List.of(Map.of("GET", 8L, "ERROR", 2L)));
        assertThat(rejects.rows()).containsExactly(List.of(D29, "MISSING_FIELD", 3L, 2024L, 11L, 29L));
        assertThat(days.rows()).containsExactly(List.of(2024L, 11L, 29L), List.of(2024L, 11L, 30L));
    }

    @Test
    void aTableWithoutPartitionsIsEmptyNotAnError() {
        QueryResult result = lake.engine().execute("SELECT COUNT(*) AS n FROM log_analytics_db.logs");

        assertThat(result.rows()).containsExactly(List.of(0L));
    }

    @Test
    void onlyPartitionsRegisteredInTheCatalogAreVisible() {
        publishTwoDays();
        try (PartitionWriter<io.atlas.domain.record.CanonicalRecord> writer = lake.datasets().overwrite(Dataset.LOGS,
                Dataset.logsPartition(LogType.ERROR, D30), RunId.of("q2"))) {
            writer.write(Rows.error("2024-11-30T05:00:00Z", "9.9.9.9", 500));
            writer.commit(); // committed but not crawled
        }

        QueryResult result = lake.engine().execute("SELECT COUNT(*) FROM log_analytics_db.logs WHERE day = 30");

        assertThat(result.rows()).containsExactly(List.of(1L));
    }

    @Test
    void badSqlAndUnknownTablesAreUserErrors() {
        assertThatThrownBy(() -> lake.engine().execute("SELEC nonsense")).isInstanceOf(QueryException.class)
                .satisfies(e -> assertThat(((QueryException) e).category()).isEqualTo(ErrorCategory.USER_ERROR));
        assertThatThrownBy(() -> lake.engine().execute("SELECT * FROM log_analytics_db.nope"))
                .isInstanceOf(QueryException.class).hasMessageContaining("nope");
    }
}
