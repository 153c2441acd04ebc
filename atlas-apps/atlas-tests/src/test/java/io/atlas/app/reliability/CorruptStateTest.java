package io.atlas.app.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.atlas.app.cli.Cli;
import io.atlas.app.cli.Lakes;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each state file of the lake (catalog table, ledger record, routing index entry, pending marker, commit marker)
 * truncated, garbled or of the wrong shape: every command answers as it did before (the file did not matter to it),
 * or fails naming the file; a rerun either fails naming the file or repairs the state and gives the right numbers.
 * Never a different answer without naming the file.
 */
class CorruptStateTest {
    private static final String DAY = "2024-11-29";
    private static final String COUNT = "SELECT COUNT(*) AS n FROM log_analytics_db.logs";

    enum StateFile {
        CATALOG("_atlas/catalog/log_analytics_db/logs.json"),
        LEDGER("_atlas/runs/"),
        ROUTING("_atlas/routing/"),
        PENDING("_atlas/pending/"),
        COMMIT("processed/logs/log_type=access/year=2024/month=11/day=29/_atlas_commit.json");

        final String location;

        StateFile(String location) {
            this.location = location;
        }
    }

    enum Corruption {
        TRUNCATED, GARBLED, WRONG_SHAPE;

        byte[] apply(byte[] good) {
            return switch (this) {
                case TRUNCATED -> java.util.Arrays.copyOf(good, good.length / 2);
                case GARBLED -> "{\"x\": [1, 2,, ]]".getBytes(StandardCharsets.UTF_8);
                case WRONG_SHAPE -> "{\"files\": 7, \"partitions\": \"none\", \"state\": 3}".getBytes(StandardCharsets.UTF_8);
            };
        }
    }

    @TempDir
    Path lake;

    static Stream<Arguments> cases() {
        List<Arguments> cases = new ArrayList<>();
        for (StateFile file : StateFile.values()) {
            for (Corruption corruption : Corruption.values()) {
                cases.add(Arguments.of(file, corruption));
            }
        }
        return cases.stream();
    }

    private Path locate(StateFile file) throws IOException {
        Path path = lake.resolve(file.location);
        if (!file.location.endsWith("/")) {
            return path;
        }
        try (Stream<Path> files = Files.walk(path)) {
            return files.filter(Files::isRegularFile).sorted().findFirst().orElseThrow();
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("cases")
    void everyCommandRepairsOrRefusesNamingTheFile(StateFile file, Corruption corruption) throws Exception {
        Lakes.drop(lake, "raw/ndjson/a.ndjson", Lakes.ndjson(DAY, 10, "10.0.0."));
        assertThat(Cli.run(lake, "ingest").exitCode()).isZero();
        assertThat(Cli.run(lake, "run", "--date", DAY).exitCode()).isZero();
        Lakes.drop(lake, "raw/ndjson/b.ndjson", Lakes.ndjson(DAY, 5, "10.0.1."));
        assertThat(Cli.run(lake, "ingest").exitCode()).isZero();
        List<List<String>> commands = List.of(List.of("runs"), List.of("status"), List.of("validate", "--date", DAY),
                List.of("query", "--format", "csv", COUNT));
        List<Cli.Result> before = new ArrayList<>();
        for (List<String> command : commands) {
            before.add(Cli.run(lake, command.toArray(String[]::new)));
        }
        assertThat(before.get(3).outLines()).containsExactly("n", "10");
        Path target = locate(file);
        String name = lake.relativize(target).toString();
        Files.write(target, corruption.apply(Files.readAllBytes(target)));

        for (int i = 0; i < commands.size(); i++) {
            Cli.Result result = Cli.run(lake, commands.get(i).toArray(String[]::new));
            boolean unaffected = result.exitCode() == before.get(i).exitCode() && result.out().equals(before.get(i).out());
            if (!unaffected) {
                assertThat(result.exitCode()).as("%s after %s %s changed its answer: %s", commands.get(i), corruption, name,
                        result.out()).isNotZero();
                assertThat(result.err()).as("%s after %s %s", commands.get(i), corruption, name).contains(name);
            }
        }
        Cli.Result run = Cli.run(lake, "run", "--date", DAY);
        if (run.exitCode() != 0) {
            assertThat(run.err() + run.out()).as("run after %s %s", corruption, name).contains(name);
        } else {
            assertThat(Cli.run(lake, "query", "--format", "csv", COUNT).outLines()).as("after %s %s", corruption, name)
                    .containsExactly("n", "15");
            Cli.Result validate = Cli.run(lake, "validate", "--date", DAY);
            assertThat(validate.exitCode()).as("validate after %s %s: %s", corruption, name, validate.out() + validate.err())
                    .isZero();
        }
    }
}
