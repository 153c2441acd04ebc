package io.atlas.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 16 item 3: a --config file is checked key by key; messages name the file, the documented key and the allowed values. */
class ConfigurationEndToEndTest {
    @TempDir
    Path work;

    private Path lake;

    @BeforeEach
    void lake() {
        lake = work.resolve("lake");
        assertThat(Cli.run(lake, "init").exitCode()).isZero();
    }

    private Cli.Result statusWith(String properties) throws IOException {
        Path config = Files.writeString(work.resolve("atlas.properties"), properties);
        return Cli.run(lake, "--config", config.toString(), "status");
    }

    private void assertRefused(Cli.Result result, String... mentions) {
        assertThat(result.exitCode()).as(result.err()).isEqualTo(2);
        assertThat(result.err().strip().lines()).hasSize(1);
        assertThat(result.firstErrLine()).contains("Cannot read --config " + work.resolve("atlas.properties")).contains(mentions);
    }

    @Test
    void anUnknownKeyIsRefusedWithTheClosestKnownOne() throws IOException {
        assertRefused(statusWith("atlas.max-record-byte=2048\n"), "unknown key 'atlas.max-record-byte'",
                "did you mean atlas.max-record-bytes?", "known keys: atlas.threads, atlas.max-record-bytes");
        assertRefused(statusWith("threads=4\n"), "unknown key 'threads'");
    }

    @Test
    void aBadValueNamesTheKeyAndTheAllowedValues() throws IOException {
        assertRefused(statusWith("atlas.s3.path-style-access=yess\n"), "atlas.s3.path-style-access 'yess': use true or false");
        assertRefused(statusWith("atlas.engine=hadoop\n"), "atlas.engine 'hadoop': use local or spark");
        assertRefused(statusWith("atlas.threads=many\n"), "atlas.threads 'many': not an integer");
        assertRefused(statusWith("atlas.ingest.quiet-period=soon\n"), "atlas.ingest.quiet-period");
    }

    @Test
    void limitsAreNamedByTheirDocumentedKeysNotFieldNames() throws IOException {
        Cli.Result result = statusWith("atlas.max-record-bytes=10\n");

        assertRefused(result, "atlas.max-record-bytes 10: must be at least 1024");
        assertThat(result.err()).doesNotContain("maxRecordBytes");
        assertRefused(statusWith("atlas.max-decompressed-bytes=0\n"), "atlas.max-decompressed-bytes 0: must be positive");
    }

    @Test
    void everyDocumentedKeyIsAccepted() throws IOException {
        Cli.Result result = statusWith("""
                atlas.threads=2
                atlas.max-record-bytes=2048
                atlas.max-decompressed-bytes=1000000
                atlas.max-compression-ratio=100
                atlas.default-app-name.ndjson=web
                atlas.default-app-name.json-gzip=api
                atlas.schedule.lookback-days=7
                atlas.s3.path-style-access=TRUE
                atlas.ingest.quiet-period=2s
                atlas.lock.lease=30s
                atlas.gates.volume.action=fail
                """);

        assertThat(result.exitCode()).as(result.err()).isZero();
    }

    @Test
    void aMissingConfigFileIsAUsageError() {
        Cli.Result result = Cli.run(lake, "--config", work.resolve("nope.properties").toString(), "status");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.firstErrLine()).contains("Cannot read --config " + work.resolve("nope.properties") + ": no such file");
    }
}
