package io.atlas.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 16 item 2: one line with the real reason; Guice's dumps never reach a user. */
class ErrorMessagesEndToEndTest {
    @TempDir
    Path lake;

    private static void assertNoWiringDump(Cli.Result result) {
        assertThat(result.err()).doesNotContain("ProvisionException").doesNotContain("com.google.inject")
                .doesNotContain("Guice").doesNotContain("\tat ");
    }

    @Test
    void anS3LakeWithoutARegionSaysSoInOneLine() {
        assumeTrue(System.getenv("AWS_REGION") == null && System.getenv("AWS_DEFAULT_REGION") == null
                && System.getProperty("aws.region") == null && !Files.exists(Path.of(System.getProperty("user.home"), ".aws")),
                "this machine has an AWS region configured");

        Cli.Result result = Cli.runRaw("--lake", "s3://atlas-no-region/lake", "status");

        assertThat(result.exitCode()).as(result.err()).isEqualTo(2);
        assertThat(result.firstErrLine()).contains("Cannot open lake s3://atlas-no-region/lake: no AWS region")
                .contains("AWS_REGION").contains("atlas.s3.region");
        assertNoWiringDump(result);
    }

    @Test
    void aLockThatCannotBeTakenKeepsTheOperatingSystemsReason() throws IOException {
        Lakes.drop(lake, "raw/ndjson/day.ndjson", Lakes.ndjson("2024-11-29", 5, "10.0.0."));
        assertThat(Cli.run(lake, "ingest").exitCode()).isZero();
        Files.createDirectories(lake.resolve("_atlas/locks/2024-11-29.lock")); // a folder where the lock file belongs

        Cli.Result run = Cli.run(lake, "run", "--date", "2024-11-29");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.firstErrLine()).contains("Cannot lock 2024-11-29: ").contains("2024-11-29.lock: Is a directory");
        assertNoWiringDump(run);
    }

    @Test
    void duckDbsMessageIsShownWhole() {
        Lakes.drop(lake, "raw/ndjson/day.ndjson", Lakes.ndjson("2024-11-29", 5, "10.0.0."));
        Cli.run(lake, "ingest");
        assertThat(Cli.run(lake, "run", "--date", "2024-11-29").exitCode()).isZero();

        Cli.Result table = Cli.run(lake, "query", "SELECT * FROM log_analytics_db.daily_activty");
        assertThat(table.exitCode()).isEqualTo(1);
        assertThat(table.firstErrLine()).contains("Cannot run query: Catalog Error").contains("daily_activty");
        assertThat(table.err()).contains("Did you mean").contains("daily_activity");

        Cli.Result column = Cli.run(lake, "query", "SELECT totl_requests FROM log_analytics_db.daily_activity");
        assertThat(column.exitCode()).isEqualTo(1);
        assertThat(column.firstErrLine()).contains("Cannot run query: Binder Error").contains("totl_requests");
        assertThat(column.err()).contains("total_requests").contains("^");
    }
}
