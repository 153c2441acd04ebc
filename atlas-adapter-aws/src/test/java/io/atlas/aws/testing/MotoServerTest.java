package io.atlas.aws.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The emulator extension: found on the PATH, skipped with a message where it is missing, required under CI=true. */
class MotoServerTest {
    @RegisterExtension
    static final MotoServer MOTO = MotoServer.shared();

    @Test
    void findsAnExecutableMotoServerOnThePath(@TempDir Path dir) throws IOException {
        Path other = Files.createDirectory(dir.resolve("other"));
        Path bin = Files.createDirectory(dir.resolve("bin"));
        Files.writeString(other.resolve("moto_server"), "not executable");
        Path script = Files.writeString(bin.resolve("moto_server"), "#!/bin/sh\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));

        assertThat(MotoServer.executable(other + ":" + bin)).contains(script);
        assertThat(MotoServer.executable(other.toString())).isEmpty();
        assertThat(MotoServer.executable(null)).isEmpty();
    }

    @Test
    void aMissingServerSkipsWithAMessageOutsideCiAndFailsUnderCi() {
        ConditionEvaluationResult local = MotoServer.condition(Optional.empty(), false);
        ConditionEvaluationResult ci = MotoServer.condition(Optional.empty(), true);

        assertThat(local.isDisabled()).isTrue();
        assertThat(local.getReason()).get().asString().contains("moto_server", "not on the PATH");
        assertThat(ci.isDisabled()).isFalse();
    }

    @Test
    void theServerListensOnLoopbackAndAnswersItsApi() {
        assertThat(MOTO.endpoint().getHost()).isEqualTo("127.0.0.1");
        assertThat(MOTO.s3().listBuckets().buckets()).isEmpty();
        assertThat(MOTO.post("/moto-api/reset", "")).contains("ok");
    }
}
