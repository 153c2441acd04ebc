package io.atlas.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.atlas.aws.athena.AthenaQueryEngine;
import io.atlas.ports.ErrorCategory;
import io.atlas.ports.query.QueryException;
import io.atlas.ports.query.QueryResult;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.athena.AthenaClient;
import software.amazon.awssdk.services.athena.model.AthenaError;
import software.amazon.awssdk.services.athena.model.ColumnInfo;
import software.amazon.awssdk.services.athena.model.Datum;
import software.amazon.awssdk.services.athena.model.GetQueryExecutionRequest;
import software.amazon.awssdk.services.athena.model.GetQueryExecutionResponse;
import software.amazon.awssdk.services.athena.model.GetQueryResultsRequest;
import software.amazon.awssdk.services.athena.model.GetQueryResultsResponse;
import software.amazon.awssdk.services.athena.model.QueryExecution;
import software.amazon.awssdk.services.athena.model.QueryExecutionState;
import software.amazon.awssdk.services.athena.model.QueryExecutionStatus;
import software.amazon.awssdk.services.athena.model.ResultSet;
import software.amazon.awssdk.services.athena.model.ResultSetMetadata;
import software.amazon.awssdk.services.athena.model.Row;
import software.amazon.awssdk.services.athena.model.StartQueryExecutionRequest;
import software.amazon.awssdk.services.athena.model.StartQueryExecutionResponse;

/**
 * The Athena adapter against the SDK's client interface, answering with recorded response shapes: the states a query
 * goes through, results paged with NextToken and a header row, typed as Athena types them.
 */
class AthenaQueryEngineTest {

    /** Answers like Athena for one query. */
    static final class RecordedAthena implements AthenaClient {
        final List<Object> requests = new ArrayList<>();
        final Deque<QueryExecutionStatus> statuses = new ArrayDeque<>();
        final List<GetQueryResultsResponse> pages = new ArrayList<>();

        @Override
        public String serviceName() {
            return "athena";
        }

        @Override
        public void close() {}

        @Override
        public StartQueryExecutionResponse startQueryExecution(StartQueryExecutionRequest request) {
            requests.add(request);
            return StartQueryExecutionResponse.builder().queryExecutionId("q-1").build();
        }

        @Override
        public GetQueryExecutionResponse getQueryExecution(GetQueryExecutionRequest request) {
            requests.add(request);
            QueryExecutionStatus status = statuses.size() > 1 ? statuses.pop() : statuses.peek();
            return GetQueryExecutionResponse.builder().queryExecution(QueryExecution.builder().queryExecutionId("q-1")
                    .status(status).build()).build();
        }

        @Override
        public GetQueryResultsResponse getQueryResults(GetQueryResultsRequest request) {
            requests.add(request);
            int page = request.nextToken() == null ? 0 : Integer.parseInt(request.nextToken());
            return pages.get(page);
        }
    }

    private static Row row(String... values) {
        return Row.builder().data(java.util.Arrays.stream(values).map(v -> Datum.builder().varCharValue(v).build()).toList()).build();
    }

    private static QueryExecutionStatus status(QueryExecutionState state) {
        return QueryExecutionStatus.builder().state(state).build();
    }

    private final AthenaQueryEngine.Settings settings = new AthenaQueryEngine.Settings("log_analytics_db", "primary",
            "s3://results/atlas/", Duration.ofMillis(200), Duration.ofSeconds(5));

    @Test
    void runsPollsAndPagesTheErrorRateQuery() {
        RecordedAthena athena = new RecordedAthena();
        athena.statuses.add(status(QueryExecutionState.QUEUED));
        athena.statuses.add(status(QueryExecutionState.RUNNING));
        athena.statuses.add(status(QueryExecutionState.SUCCEEDED));
        ResultSetMetadata metadata = ResultSetMetadata.builder().columnInfo(
                ColumnInfo.builder().name("date").label("date").type("date").build(),
                ColumnInfo.builder().name("total_requests").label("total_requests").type("bigint").build(),
                ColumnInfo.builder().name("error_count").label("error_count").type("bigint").build(),
                ColumnInfo.builder().name("error_rate").label("error_rate").type("double").build()).build();
        athena.pages.add(GetQueryResultsResponse.builder().nextToken("1").resultSet(ResultSet.builder().resultSetMetadata(metadata)
                .rows(row("date", "total_requests", "error_count", "error_rate"), row("2024-11-29", "1500", "200", "0.13333333333333333")).build()).build());
        athena.pages.add(GetQueryResultsResponse.builder().resultSet(ResultSet.builder().resultSetMetadata(metadata)
                .rows(row("2024-11-30", "1850", "260", "0.14054054054054055")).build()).build());
        List<Duration> slept = new ArrayList<>();

        QueryResult result = new AthenaQueryEngine(athena, settings, slept::add).execute("SELECT date, total_requests, error_count, "
                + "CAST(error_count AS DOUBLE) / total_requests AS error_rate FROM log_analytics_db.daily_activity ORDER BY date");

        assertThat(result.columns()).containsExactly("date", "total_requests", "error_count", "error_rate");
        assertThat(result.rows()).containsExactly(List.of(LocalDate.of(2024, 11, 29), 1500L, 200L, 0.13333333333333333),
                List.of(LocalDate.of(2024, 11, 30), 1850L, 260L, 0.14054054054054055));
        assertThat(slept).hasSize(2);
        StartQueryExecutionRequest start = (StartQueryExecutionRequest) athena.requests.get(0);
        assertThat(start.queryExecutionContext().database()).isEqualTo("log_analytics_db");
        assertThat(start.workGroup()).isEqualTo("primary");
        assertThat(start.resultConfiguration().outputLocation()).isEqualTo("s3://results/atlas/");
    }

    @Test
    void aFailedQueryIsAUserErrorWhenAthenaSaysSo() {
        RecordedAthena athena = new RecordedAthena();
        athena.statuses.add(QueryExecutionStatus.builder().state(QueryExecutionState.FAILED)
                .stateChangeReason("TABLE_NOT_FOUND: line 1:15: Table awsdatacatalog.log_analytics_db.nope does not exist")
                .athenaError(AthenaError.builder().errorCategory(2).errorType(1301).build()).build());

        assertThatThrownBy(() -> new AthenaQueryEngine(athena, settings, d -> {}).execute("SELECT * FROM log_analytics_db.nope"))
                .isInstanceOf(QueryException.class).hasMessageContaining("nope")
                .satisfies(e -> assertThat(((QueryException) e).category()).isEqualTo(ErrorCategory.USER_ERROR));
    }

    @Test
    void typesValuesAsAthenaTypesThem() {
        assertThat(AthenaQueryEngine.class).isNotNull();
        RecordedAthena athena = new RecordedAthena();
        athena.statuses.add(status(QueryExecutionState.SUCCEEDED));
        ResultSetMetadata metadata = ResultSetMetadata.builder().columnInfo(
                ColumnInfo.builder().name("ts").type("timestamp").build(), ColumnInfo.builder().name("n").type("integer").build(),
                ColumnInfo.builder().name("m").type("map").build(), ColumnInfo.builder().name("missing").type("varchar").build()).build();
        athena.pages.add(GetQueryResultsResponse.builder().resultSet(ResultSet.builder().resultSetMetadata(metadata)
                .rows(row("ts", "n", "m", "missing"), Row.builder().data(Datum.builder().varCharValue("2024-11-29 10:00:00.123").build(),
                        Datum.builder().varCharValue("7").build(), Datum.builder().varCharValue("{GET=3}").build(),
                        Datum.builder().build()).build()).build()).build());

        QueryResult result = new AthenaQueryEngine(athena, settings, d -> {}).execute("SELECT ...");

        assertThat(result.rows()).containsExactly(java.util.Arrays.asList(Instant.parse("2024-11-29T10:00:00.123Z"), 7L, "{GET=3}", null));
    }
}
