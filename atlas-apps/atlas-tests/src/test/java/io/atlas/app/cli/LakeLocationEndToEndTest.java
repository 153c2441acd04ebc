package io.atlas.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 16 item 1: a wrong --lake is an error with a hint (exit 2), never a new empty lake. */
class LakeLocationEndToEndTest {
    @TempDir
    Path work;

    private static void assertRefused(Cli.Result result, String... mentions) {
        assertThat(result.exitCode()).as(result.err()).isEqualTo(2);
        assertThat(result.err().strip().lines()).hasSize(1);
        assertThat(result.firstErrLine()).contains("Cannot open lake").contains(mentions);
    }

    @Test
    void aTypoInTheLakeIsRefusedAndCreatesNothing() {
        Path typo = work.resolve("typo");
        for (String[] command : new String[][] {{"status"}, {"run", "--date", "2024-11-29"}, {"runs"}, {"query", "SELECT 1"},
            {"validate", "--date", "2024-11-29"}, {"backfill", "--from", "2024-11-29", "--to", "2024-11-29"}, {"tables"}}) {
            assertRefused(Cli.run(typo, command), "no such directory", "atlas --lake " + typo + " init");
        }
        assertThat(typo).doesNotExist();
    }

    @Test
    void aFolderThatIsNotALakeIsRefusedUntilInit() throws IOException {
        Path folder = Files.createDirectories(work.resolve("empty"));

        assertRefused(Cli.run(folder, "status"), "not an Atlas lake (no _atlas/ or raw/ folder)", "init");
        assertRefused(Cli.run(folder, "ingest"), "not an Atlas lake");
        assertThat(folder).isEmptyDirectory();

        Cli.Result init = Cli.run(folder, "init");
        assertThat(init.exitCode()).as(init.err()).isZero();
        assertThat(folder.resolve("_atlas/lake.json")).isRegularFile();
        Cli.Result status = Cli.run(folder, "status");
        assertThat(status.exitCode()).as(status.err()).isZero();
        assertThat(Cli.run(folder, "init").exitCode()).as("init of a lake is harmless").isZero();
    }

    @Test
    void aFileIsNotALake() throws IOException {
        Path file = Files.writeString(work.resolve("notes.txt"), "hello");

        assertRefused(Cli.run(file, "status"), "it is a file");
        assertRefused(Cli.run(file, "init"), "it is a file");
        assertThat(file).hasContent("hello");
    }

    @Test
    void aMistypedS3LocationIsNotAFolderNamedS3() {
        Cli.Result result = Cli.runRaw("--lake", "s3:/typo-bucket/lake", "status");

        assertRefused(result, "not a directory or s3://bucket/prefix", "did you mean s3://typo-bucket/lake?");
        assertThat(Path.of("s3:")).doesNotExist();
    }

    @Test
    void ingestOfAFolderHoldingRawMakesItALake() {
        Path lake = work.resolve("landing");
        Lakes.drop(lake, "raw/ndjson/day.ndjson", Lakes.ndjson("2024-11-29", 5, "10.0.0."));

        Cli.Result ingest = Cli.run(lake, "ingest");

        assertThat(ingest.exitCode()).as(ingest.err()).isZero();
        assertThat(lake.resolve("_atlas/lake.json")).isRegularFile();
        assertThat(Cli.run(lake, "run", "--date", "2024-11-29").exitCode()).isZero();
    }

    @Test
    void generateMakesALake() {
        Path lake = work.resolve("generated");

        Cli.Result generate = Cli.run(lake, "generate", "--records", "20");

        assertThat(generate.exitCode()).as(generate.err()).isZero();
        assertThat(lake.resolve("_atlas/lake.json")).isRegularFile();
        assertThat(Cli.run(lake, "status").exitCode()).isZero();
    }

    @Test
    void demoHonoursTheLakeOption() {
        Path lake = work.resolve("demo-lake");

        Cli.Result demo = Cli.run(lake, "demo", "--records", "50");

        assertThat(demo.exitCode()).as(demo.err()).isZero();
        assertThat(demo.out()).contains("Demo lake: " + lake.toAbsolutePath());
        assertThat(lake.resolve("report.html")).isRegularFile();
        assertThat(lake.resolve("_atlas/lake.json")).isRegularFile();
        assertThat(Cli.run(lake, "query", "--format", "csv", "SELECT COUNT(*) AS n FROM log_analytics_db.daily_activity")
                .outLines()).containsExactly("n", "2");
    }
}
