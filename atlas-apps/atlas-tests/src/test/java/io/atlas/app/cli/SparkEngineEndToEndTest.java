package io.atlas.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The local engine's end-to-end checks, with --engine spark: the same lake. */
class SparkEngineEndToEndTest {
    @TempDir
    Path sparkLake;

    @TempDir
    Path localLake;

    @Test
    void theOriginSamplesGiveTheSameLakeOnSparkAsLocally() {
        for (Path lake : new Path[] {sparkLake, localLake}) {
            Lakes.dropOriginDay(lake, "2024-11-29");
            Lakes.dropOriginDay(lake, "2024-11-30");
            assertThat(Cli.run(lake, "ingest", "-q").exitCode()).isZero();
        }
        Cli.Result spark = Cli.run(sparkLake, "--engine", "spark", "--spark-master", "local[2]", "backfill",
                "--from", "2024-11-29", "--to", "2024-11-30");
        assertThat(spark.exitCode()).as(spark.out() + spark.err()).isZero();
        assertThat(Cli.run(localLake, "backfill", "--from", "2024-11-29", "--to", "2024-11-30").exitCode()).isZero();

        assertThat(Cli.run(sparkLake, "query", "--format", "csv", "SELECT date, total_requests, error_count, "
                + "CAST(error_count AS DOUBLE) / total_requests AS error_rate FROM log_analytics_db.daily_activity ORDER BY date")
                .outLines()).containsExactly("date,total_requests,error_count,error_rate",
                        "2024-11-29,1500,200,0.13333333333333333", "2024-11-30,1850,260,0.14054054054054055");
        assertThat(LakeSnapshot.of(sparkLake)).isEqualTo(LakeSnapshot.of(localLake));
        assertThat(Cli.run(sparkLake, "validate", "--date", "2024-11-29").exitCode()).isZero();
    }

    @Test
    void aCorrectedFileOf70ReplacesTheFirst50OnSpark() {
        Lakes.drop(sparkLake, "raw/ndjson/day.ndjson", Lakes.ndjson("2024-11-29", 50, "10.0.0."));
        Cli.run(sparkLake, "ingest");
        assertThat(Cli.run(sparkLake, "--engine", "spark", "run", "--pending").exitCode()).isZero();
        Lakes.drop(sparkLake, "raw/ndjson/day.ndjson", Lakes.ndjson("2024-11-29", 70, "10.0.0."));
        Cli.run(sparkLake, "ingest");
        assertThat(Cli.run(sparkLake, "--engine", "spark", "run", "--date", "2024-11-29").exitCode()).isZero();

        assertThat(Cli.run(sparkLake, "query", "--format", "csv",
                "SELECT total_requests FROM log_analytics_db.daily_activity").outLines()).containsExactly("total_requests", "70");
        assertThat(Cli.run(sparkLake, "query", "--format", "csv", "SELECT COUNT(*) AS n FROM log_analytics_db.logs")
                .outLines()).containsExactly("n", "70");
    }
}
