package io.atlas.aws;

import static org.assertj.core.api.Assertions.assertThat;

import io.atlas.aws.athena.AthenaQueryEngine;
import io.atlas.aws.testing.MotoServer;
import io.atlas.ports.query.QueryResult;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.athena.AthenaClient;

/**
 * The Athena adapter over moto's Athena wire protocol: the query starts in the stack's workgroup, is polled to
 * SUCCEEDED and its rows (header first, as Athena sends them) come back typed. moto executes no SQL: its results are
 * queued through {@code /moto-api/static/athena/query-results}, every query succeeds at once and results come in one
 * page, so polling over QUEUED/RUNNING, paging and failure states are shown by {@link AthenaQueryEngineTest}.
 */
class AthenaQueryEngineOnMotoTest {
    @RegisterExtension
    static final MotoServer MOTO = MotoServer.shared();

    @Test
    void runsAQueryInTheWorkgroupAndTypesItsRows() {
        AthenaClient athena = MOTO.client(AthenaClient.builder());
        athena.createWorkGroup(b -> b.name("atlas-atlas").configuration(c -> c.enforceWorkGroupConfiguration(true)
                .resultConfiguration(r -> r.outputLocation("s3://my-log-lake/_atlas/athena-results/"))));
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
        String id = athena.listQueryExecutions(b -> b.workGroup("atlas-atlas")).queryExecutionIds().get(0);
        assertThat(athena.getQueryExecution(b -> b.queryExecutionId(id)).queryExecution().query())
                .startsWith("SELECT date, total_requests");
    }
}
