package io.atlas.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code atlas status} names the files that sat in raw/ for more than an hour without being ingested. */
class StuckRawFilesEndToEndTest {
    @TempDir
    Path lake;

    @Test
    void statusListsRawFilesOlderThanAnHourAndNotFreshOnes() throws IOException {
        Path old = write("raw/ndjson/forgotten.ndjson", Duration.ofMinutes(61));
        write("raw/xml_errors/just-arrived.xml", Duration.ofMinutes(5));

        Cli.Result status = Cli.run(lake, "status");

        assertThat(status.exitCode()).as(status.err()).isZero();
        assertThat(status.out()).contains("1 file(s) in raw/ older than PT1H, not ingested:")
                .contains("raw/ndjson/forgotten.ndjson").contains(Files.getLastModifiedTime(old).toInstant().toString())
                .doesNotContain("just-arrived");

        Cli.Result json = Cli.run(lake, "status", "--format", "json");
        assertThat(json.out().strip()).startsWith("[").endsWith("]").doesNotContain("forgotten");
        assertThat(json.err()).contains("raw/ndjson/forgotten.ndjson");

        Cli.Result stricter = Cli.run(lake, "status", "--stuck-after", "PT1M");
        assertThat(stricter.out()).contains("2 file(s) in raw/ older than PT1M").contains("raw/xml_errors/just-arrived.xml");
    }

    @Test
    void aLakeWithNothingWaitingInRawSaysNothingAboutIt() {
        assertThat(Cli.run(lake, "init").exitCode()).isZero(); // an empty folder is not a lake (issue 16 item 1)
        Cli.Result status = Cli.run(lake, "status");
        assertThat(status.exitCode()).as(status.err()).isZero();
        assertThat(status.out()).doesNotContain("raw/");
    }

    private Path write(String key, Duration age) throws IOException {
        Path file = lake.resolve(key);
        Files.createDirectories(file.getParent());
        Files.writeString(file, "{}\n");
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().minus(age)));
        return file;
    }
}
