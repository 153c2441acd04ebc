package io.atlas.local.storage;

import static org.assertj.core.api.Assertions.assertThat;

import io.atlas.domain.lake.ObjectKey;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Opening a lake removes the staging files of dead processes of this host, and only those. */
class StagingCleanupTest {
    @TempDir
    Path lake;

    private static long deadPid() throws Exception {
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-version")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return process.pid();
    }

    @Test
    void aDeadProcesssStagingFilesAreRemovedWhenTheLakeIsNextOpened() throws Exception {
        Path staging = new FileSystemObjectStore(lake).root().resolve(FileSystemObjectStore.STAGING_DIR);
        String host = StagingFiles.prefix().split("-")[1];
        Path dead = Files.writeString(staging.resolve("stage-" + host + "-" + deadPid() + "-123.parquet"), "half");
        Path live = Files.writeString(staging.resolve(StagingFiles.prefix() + "456.parquet"), "in progress");
        Path otherHost = Files.writeString(staging.resolve("stage-otherhost-" + deadPid() + "-789.parquet"), "theirs");
        Path unknown = Files.writeString(staging.resolve("stage-1234.parquet"), "older naming");

        new FileSystemObjectStore(lake);

        assertThat(dead).doesNotExist();
        assertThat(live).exists();
        assertThat(otherHost).exists();
        assertThat(unknown).exists();
    }

    @Test
    void aStagingFileNamesItsHostAndProcess() {
        FileSystemObjectStore store = new FileSystemObjectStore(lake);

        Path staged = store.newStagingFile(".parquet");

        assertThat(staged.getFileName().toString()).startsWith(StagingFiles.prefix());
        assertThat(StagingFiles.ownerIsDead(staged.getFileName().toString())).isFalse();
        store.moveIntoPlace(staged, ObjectKey.of("processed/x.parquet"));
        assertThat(store.stat(ObjectKey.of("processed/x.parquet"))).isPresent();
    }
}
