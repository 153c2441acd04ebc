package io.atlas.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad arguments give one clear line and exit 2; --help explains every command. */
class CliArgumentsTest {
    @TempDir
    Path lake;

    private void assertUsageError(Cli.Result result, String mentions) {
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err().strip().lines()).hasSize(1);
        assertThat(result.err()).contains(mentions);
    }

    @Test
    void badArgumentsAreOneLineAndExitCode2() {
        assertUsageError(Cli.run(lake, "run", "--date", "2024-13-01"), "'2024-13-01' is not a date (yyyy-MM-dd)");
        assertUsageError(Cli.run(lake, "run"), "give either --date YYYY-MM-DD or --pending");
        assertUsageError(Cli.run(lake, "backfill", "--from", "2024-11-30", "--to", "2024-11-29"), "2024-11-30 is after 2024-11-29");
        assertUsageError(Cli.run(lake, "frobnicate"), "frobnicate");
        assertUsageError(Cli.run(lake, "query"), "SQL");
        assertUsageError(Cli.run(lake, "schedule", "--cron", "every day"), "Invalid cron expression");
        assertUsageError(Cli.run(lake, "query", "--format", "xml", "SELECT 1"), "xml");
        assertUsageError(Cli.run(lake, "run", "--date", "2024-11-29", "--engine", "hadoop"), "Invalid engine 'hadoop'");
        assertUsageError(Cli.runRaw(), "a command is required");
    }

    @Test
    void everyCommandExplainsItselfAndTakesTheLake() {
        for (String command : new String[] {"demo", "generate", "ingest", "watch", "run", "backfill", "schedule", "status",
            "runs", "query", "validate"}) {
            Cli.Result help = Cli.run(lake, command, "--help");
            assertThat(help.exitCode()).as(command).isZero();
            assertThat(help.out()).as(command).contains("--lake");
        }
    }

    @Test
    void badSqlIsAFailureWithTheReason() {
        assertThat(Cli.run(lake, "init").exitCode()).isZero(); // an empty folder is not a lake (issue 16 item 1)
        Cli.Result result = Cli.run(lake, "query", "SELECT * FROM log_analytics_db.nope");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).contains("Cannot run query").contains("nope");
    }
}
