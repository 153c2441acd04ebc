package io.atlas.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 16 item 5: query is usable from a shell. */
class QueryShellEndToEndTest {
    @TempDir
    Path work;

    private Path ranLake() {
        Path lake = work.resolve("lake");
        Lakes.drop(lake, "raw/ndjson/day.ndjson", Lakes.ndjson("2024-11-29", 10, "10.0.0."));
        Lakes.drop(lake, "raw/ndjson/next.ndjson", Lakes.ndjson("2024-11-30", 4, "10.0.1."));
        assertThat(Cli.run(lake, "ingest").exitCode()).isZero();
        assertThat(Cli.run(lake, "run", "--pending").exitCode()).isZero();
        return lake;
    }

    @Test
    void tablesListsTheCatalogWithPartitionCounts() {
        Path lake = ranLake();

        Cli.Result tables = Cli.run(lake, "tables");

        assertThat(tables.exitCode()).as(tables.err()).isZero();
        assertThat(tables.out()).containsPattern("log_analytics_db\\.daily_activity\\s+date\\s+2\\s+total_requests")
                .containsPattern("log_analytics_db\\.logs\\s+log_type, year, month, day\\s+4\\s")
                .containsPattern("log_analytics_db\\.data_quality_rejects\\s+\\S.*\\s+2\\s");
    }

    @Test
    void aLakeWhereNothingRanSaysSo() {
        Path lake = work.resolve("fresh");
        assertThat(Cli.run(lake, "init").exitCode()).isZero();

        assertThat(Cli.run(lake, "tables").out()).contains("Nothing has been run yet");
        Cli.Result query = Cli.run(lake, "query", "SELECT * FROM log_analytics_db.daily_activity");
        assertThat(query.exitCode()).isEqualTo(1);
        assertThat(query.firstErrLine()).contains("Cannot run query");
        assertThat(query.err()).contains("Nothing has been run yet: the catalog has no table. Run 'atlas ingest', then "
                + "'atlas run --pending'");
        assertThat(Cli.run(lake, "query", "--format", "csv", "SELECT 1 AS one").outLines()).containsExactly("one", "1");
    }

    @Test
    void sqlComesFromAFileOrStdin() throws IOException {
        Path lake = ranLake();
        Path sql = Files.writeString(work.resolve("totals.sql"),
                "-- the days\nSELECT date, total_requests\nFROM log_analytics_db.daily_activity\nORDER BY date;\n");

        assertThat(Cli.run(lake, "query", "--format", "csv", "--file", sql.toString()).outLines())
                .containsExactly("date,total_requests", "2024-11-29,10", "2024-11-30,4");
        assertThat(Cli.runWithStdin(Files.readString(sql), lake, "query", "--format", "csv", "-").outLines())
                .containsExactly("date,total_requests", "2024-11-29,10", "2024-11-30,4");
        Cli.Result both = Cli.run(lake, "query", "--file", sql.toString(), "SELECT 1");
        assertThat(both.exitCode()).isEqualTo(2);
        assertThat(Cli.run(lake, "query", "--file", work.resolve("nope.sql").toString()).firstErrLine())
                .contains("Cannot read the SQL from " + work.resolve("nope.sql") + ": no such file");
    }

    @Test
    void jsonWritesNumbersAsNumbersAndNonFiniteAsNull() throws IOException {
        Path lake = ranLake();

        Cli.Result result = Cli.run(lake, "query", "--format", "json", "SELECT 7 AS i, CAST(2.5 AS DECIMAL(4,2)) AS d, "
                + "CAST(0.25 AS DOUBLE) AS f, CAST('NaN' AS DOUBLE) AS nan, CAST('Infinity' AS DOUBLE) AS inf, [1, 2] AS list, "
                + "MAP {'a': 1} AS m");

        assertThat(result.exitCode()).as(result.err()).isZero();
        JsonNode row = new ObjectMapper().readTree(result.out()).get(0);
        assertThat(row.get("i").isIntegralNumber()).isTrue();
        assertThat(row.get("d").isNumber()).as(row.toString()).isTrue();
        assertThat(row.get("f").asDouble()).isEqualTo(0.25);
        assertThat(row.get("f").isNumber()).isTrue();
        assertThat(row.get("nan").isNull()).as(row.toString()).isTrue();
        assertThat(row.get("inf").isNull()).isTrue();
        assertThat(row.get("list").isArray()).as(row.toString()).isTrue();
        assertThat(row.get("list").get(1).isIntegralNumber()).isTrue();
        assertThat(row.get("m").get("a").isIntegralNumber()).isTrue();
    }

    @Test
    void numbersAreRightAlignedInTables() {
        Path lake = ranLake();

        Cli.Result result = Cli.run(lake, "query",
                "SELECT 5 AS amount, 'x' AS label UNION ALL SELECT 12345678, 'yy' UNION ALL SELECT NULL, 'z' ORDER BY label");

        assertThat(result.outLines()).containsSubsequence("       5  x", "12345678  yy", "    NULL  z");
    }
}
