package io.atlas.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.atlas.aws.athena.AthenaQueryEngine;
import io.atlas.aws.testing.MotoServer;
import io.atlas.ports.ErrorCategory;
import io.atlas.ports.query.QueryException;
import io.atlas.ports.query.QueryResult;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.athena.AthenaClient;
import software.amazon.awssdk.services.athena.model.QueryExecutionState;

/**
 * The Athena adapter over moto's Athena wire protocol: the query starts in the stack's workgroup, is polled to
 * SUCCEEDED and its rows (header first, as Athena sends them) come back typed. moto executes no SQL: its results are
 * queued through {@code /moto-api/static/athena/query-results}. Its executions are a managed state
 * (QUEUED, RUNNING, SUCCEEDED) that moto's state manager ({@code /moto-api/state-manager/set-transition}, progression
 * {@code manual}) advances one step per so many {@code GetQueryExecution} calls, so polling through QUEUED and RUNNING
 * runs here, and so do the failures moto can produce: a query that never ends (stopped by the adapter, CANCELLED),
 * one cancelled by someone else, and an unknown workgroup. moto never answers FAILED and sends every result in one
 * page whatever {@code MaxResults} asks (2,501 rows here, where Athena pages by 1,000), so FAILED with its error
 * category and {@code NextToken} paging are shown on recorded responses by {@link AthenaQueryEngineTest}.
 */
class AthenaQueryEngineOnMotoTest {
    @RegisterExtension
    static final MotoServer MOTO = MotoServer.shared();
    private static final String WORKGROUP = "atlas-atlas";

    private static AthenaClient athena() {
        AthenaClient athena = MOTO.client(AthenaClient.builder());
        athena.createWorkGroup(b -> b.name(WORKGROUP).configuration(c -> c.enforceWorkGroupConfiguration(true)
                .resultConfiguration(r -> r.outputLocation("s3://my-log-lake/_atlas/athena-results/"))));
        return athena;
    }

    /** Each state of moto's executions lasts {@code polls} GetQueryExecution calls (until {@link #immediateStates}). */
    private static void statesLast(int polls) {
        MOTO.post("/moto-api/state-manager/set-transition",
                "{\"model_name\": \"athena::execution\", \"transition\": {\"progression\": \"manual\", \"times\": " + polls + "}}");
    }

    @org.junit.jupiter.api.BeforeEach
    void noExecutionsYet() {
        MOTO.post("/moto-api/reset", "");
    }

    @org.junit.jupiter.api.AfterEach
    void immediateStates() {
        MOTO.post("/moto-api/state-manager/unset-transition", "{\"model_name\": \"athena::execution\"}");
    }

    private static AthenaQueryEngine engine(AthenaClient athena, String workGroup, Duration poll, Duration timeout,
            AthenaQueryEngine.Sleeper sleeper) {
        return new AthenaQueryEngine(athena, new AthenaQueryEngine.Settings("log_analytics_db", workGroup, null, poll, timeout),
                sleeper);
    }

    private static String onlyExecutionId(AthenaClient athena) {
        List<String> ids = athena.listQueryExecutions(b -> b.workGroup(WORKGROUP)).queryExecutionIds();
        assertThat(ids).hasSize(1);
        return ids.get(0);
    }

    @Test
    void pollsThroughQueuedAndRunningUntilSucceededThenReadsEveryRow() {
        AthenaClient athena = athena();
        statesLast(3);
        StringBuilder rows = new StringBuilder("{\"Data\": [{\"VarCharValue\": \"n\"}]}");
        for (int i = 0; i < 2500; i++) {
            rows.append(", {\"Data\": [{\"VarCharValue\": \"").append(i).append("\"}]}");
        }
        MOTO.post("/moto-api/static/athena/query-results", "{\"results\": [{\"rows\": [" + rows + "], \"column_info\": "
                + "[{\"Name\": \"n\", \"Label\": \"n\", \"Type\": \"integer\"}]}]}");
        List<Duration> pauses = new java.util.ArrayList<>();

        QueryResult result = engine(athena, WORKGROUP, Duration.ofSeconds(1), Duration.ofMinutes(1), pauses::add)
                .execute("SELECT n FROM log_analytics_db.logs");

        // moto moves on at every third poll: QUEUED, QUEUED, RUNNING (3rd), RUNNING, RUNNING, SUCCEEDED (6th); a pause
        // after each of the five unfinished answers
        assertThat(pauses).hasSize(5).containsOnly(Duration.ofSeconds(1));
        assertThat(result.columns()).containsExactly("n");
        assertThat(result.rows()).hasSize(2500);
        assertThat(result.rows().get(0)).containsExactly(0L);
        assertThat(result.rows().get(2499)).containsExactly(2499L);
        assertThat(athena.getQueryExecution(b -> b.queryExecutionId(onlyExecutionId(athena))).queryExecution().status().state())
                .isEqualTo(QueryExecutionState.SUCCEEDED);
    }

    @Test
    void aQueryThatNeverEndsIsStoppedAtTheTimeoutAndEndsCancelled() {
        AthenaClient athena = athena();
        statesLast(1_000);
        List<Duration> pauses = new java.util.ArrayList<>();

        assertThatThrownBy(() -> engine(athena, WORKGROUP, Duration.ofSeconds(10), Duration.ofSeconds(30), pauses::add)
                .execute("SELECT * FROM log_analytics_db.logs"))
                .isInstanceOfSatisfying(QueryException.class, e -> assertThat(e.category()).isEqualTo(ErrorCategory.TRANSIENT))
                .hasMessageContaining("no result after PT30S");

        assertThat(pauses).hasSize(3);
        assertThat(athena.getQueryExecution(b -> b.queryExecutionId(onlyExecutionId(athena))).queryExecution().status().state())
                .isEqualTo(QueryExecutionState.CANCELLED);
    }

    @Test
    void aQueryCancelledWhileItRunsFailsNamingItsState() {
        AthenaClient athena = athena();
        statesLast(2);

        assertThatThrownBy(() -> engine(athena, WORKGROUP, Duration.ofSeconds(1), Duration.ofMinutes(1),
                pause -> athena.stopQueryExecution(b -> b.queryExecutionId(onlyExecutionId(athena))))
                .execute("SELECT * FROM log_analytics_db.logs"))
                .isInstanceOf(QueryException.class)
                .hasMessageContaining("CANCELLED");
    }

    @Test
    void aWorkgroupThatDoesNotExistIsAUserError() {
        AthenaClient athena = athena();

        assertThatThrownBy(() -> engine(athena, "no-such-workgroup", Duration.ofSeconds(1), Duration.ofMinutes(1), d -> {})
                .execute("SELECT 1"))
                .isInstanceOfSatisfying(QueryException.class, e -> assertThat(e.category()).isEqualTo(ErrorCategory.USER_ERROR))
                .hasMessageContaining("WorkGroup does not exist");
    }

    @Test
    void runsAQueryInTheWorkgroupAndTypesItsRows() {
        AthenaClient athena = athena();
        MOTO.post("/moto-api/static/athena/query-results", """
                {"results": [{"rows": [
                    {"Data": [{"VarCharValue": "date"}, {"VarCharValue": "total_requests"}, {"VarCharValue": "error_rate"}]},
                    {"Data": [{"VarCharValue": "2024-11-29"}, {"VarCharValue": "1500"}, {"VarCharValue": "0.125"}]},
                    {"Data": [{"VarCharValue": "2024-11-30"}, {"VarCharValue": "1850"}, {}]}],
                  "column_info": [
                    {"Name": "date", "Label": "date", "Type": "date", "CatalogName": "hive", "SchemaName": "", "TableName": "",
                     "Precision": 0, "Scale": 0, "Nullable": "UNKNOWN", "CaseSensitive": false},
                    {"Name": "total_requests", "Label": "total_requests", "Type": "bigint", "CatalogName": "hive",
                     "SchemaName": "", "TableName": "", "Precision": 19, "Scale": 0, "Nullable": "UNKNOWN", "CaseSensitive": false},
                    {"Name": "error_rate", "Label": "error_rate", "Type": "double", "CatalogName": "hive", "SchemaName": "",
                     "TableName": "", "Precision": 17, "Scale": 0, "Nullable": "UNKNOWN", "CaseSensitive": false}]}]}
                """);

        QueryResult result = new AthenaQueryEngine(athena, new AthenaQueryEngine.Settings("log_analytics_db", "atlas-atlas",
                null, Duration.ofMillis(10), Duration.ofSeconds(10)), d -> {})
                .execute("SELECT date, total_requests, error_rate FROM log_analytics_db.daily_activity ORDER BY date");

        assertThat(result.columns()).containsExactly("date", "total_requests", "error_rate");
        assertThat(result.rows()).containsExactly(List.of(LocalDate.of(2024, 11, 29), 1500L, 0.125),
                java.util.Arrays.asList(LocalDate.of(2024, 11, 30), 1850L, null));
        String id = onlyExecutionId(athena);
        assertThat(athena.getQueryExecution(b -> b.queryExecutionId(id)).queryExecution().query())
                .startsWith("SELECT date, total_requests");
    }
}
