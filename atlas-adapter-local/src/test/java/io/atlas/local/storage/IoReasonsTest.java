package io.atlas.local.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.atlas.ports.storage.StorageException;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 16 items 2 and 7: the operating system's reason survives in messages; staged files get the umask's mode. */
class IoReasonsTest {
    @TempDir
    Path root;

    @Test
    void theReasonIsKeptWhereTheJdkGivesOnlyThePath() {
        assertThat(IoReasons.describe(new AccessDeniedException("/lake/_atlas/locks/2024-11-29.lock")))
                .isEqualTo("/lake/_atlas/locks/2024-11-29.lock: permission denied");
        assertThat(IoReasons.describe(new NoSuchFileException("/lake/x"))).isEqualTo("/lake/x: no such file or directory");
        assertThat(IoReasons.describe(new FileSystemException("/lake/.atlas-staging/stage-1", null, "No space left on device")))
                .isEqualTo("/lake/.atlas-staging/stage-1: No space left on device");
        assertThat(IoReasons.describe(new IOException("No space left on device"))).isEqualTo("No space left on device");
    }

    @Test
    void aStagingFileThatCannotBeCreatedSaysWhy() throws IOException {
        FileSystemObjectStore store = new FileSystemObjectStore(root);
        Path staging = root.resolve(FileSystemObjectStore.STAGING_DIR);
        Files.delete(staging);
        Files.writeString(staging, "a file where the staging folder belongs");

        assertThatThrownBy(() -> store.newStagingFile(".parquet")).isInstanceOf(StorageException.class)
                .hasMessageStartingWith("Cannot create a staging file in " + staging + ": ")
                .hasMessageContaining("Not a directory");
    }

    @Test
    void stagingFilesTakeTheProcessUmaskNotOwnerOnly() throws IOException {
        FileSystemObjectStore store = new FileSystemObjectStore(root);
        Path reference = Files.createFile(root.resolve("reference")); // what the umask gives any new file

        Path staged = store.newStagingFile(".parquet");

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(staged)))
                .isEqualTo(PosixFilePermissions.toString(Files.getPosixFilePermissions(reference)));
        assertThat(staged.getFileName().toString()).startsWith(StagingFiles.prefix()).endsWith(".parquet");
    }
}
