package io.atlas.domain.file;

import static io.atlas.domain.testing.Bytes.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import io.atlas.domain.lake.LogFormat;
import io.atlas.domain.testing.BothStages;
import io.atlas.domain.testing.Bytes;
import io.atlas.domain.testing.Records;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * SPEC §2 "DECOMPRESSION_LIMIT (over 1 GiB decompressed by default, configurable)": the limit is on decompressed
 * bytes, counted while streaming; how well a file compresses does not matter.
 */
class DecompressionLimitTest {
    private static final byte[] LINE = utf8(Records.access("2024-11-29T10:00:00Z") + "\n");
    private static final byte[] LONG_LINE = utf8("{\"timestamp\": \"2024-11-29T10:00:00Z\", \"ip\": \"10.0.0.1\", "
            + "\"request_type\": \"GET\", \"status\": 200, \"message\": \"" + "retrying upstream ".repeat(200) + "\"}\n");

    private static byte[] gzipOfRepeatedLines(long inflated) {
        return Bytes.gzipOfRepeated(LINE, inflated);
    }

    @Test
    void aFileFarUnderTheLimitIsReadWhateverItsCompressionRatio() {
        long lines = 80L * 1024 * 1024 / LONG_LINE.length;
        byte[] file = Bytes.gzipOfRepeated(LONG_LINE, lines * LONG_LINE.length);

        assertThat(lines * LONG_LINE.length / file.length).as("compression ratio").isGreaterThan(200);
        BothStages.Verdict verdict = BothStages.judge(LogFormat.JSON_GZIP, file);
        assertThat(verdict.fileReject()).isEmpty();
        assertThat(verdict.processed()).hasSize((int) lines);
        assertThat(verdict.rejected()).isEmpty();
    }

    @Test
    void blankContentIsOnlyLimitedByItsInflatedSize() {
        long inflated = 80L * 1024 * 1024;
        byte[] blank = Bytes.gzipOfRepeated(utf8("        \n"), inflated);

        assertThat(BothStages.judge(LogFormat.JSON_GZIP, blank).fileReject()).contains(FileRejectReason.EMPTY_FILE);
        assertThat(BothStages.judge(LogFormat.JSON_GZIP, blank, ReadLimits.DEFAULTS.withMaxDecompressedBytes(inflated - 1))
                .fileReject()).contains(FileRejectReason.DECOMPRESSION_LIMIT);
    }

    @Test
    void exactlyTheLimitIsAcceptedAndOneByteMoreIsNot() {
        long limit = 10L * LINE.length;
        ReadLimits limits = ReadLimits.DEFAULTS.withMaxDecompressedBytes(limit);

        assertThat(BothStages.judge(LogFormat.JSON_GZIP, gzipOfRepeatedLines(limit), limits).processed()).hasSize(10);
        BothStages.Verdict over = BothStages.judge(LogFormat.JSON_GZIP, gzipOfRepeatedLines(limit + 1), limits);
        assertThat(over.fileReject()).contains(FileRejectReason.DECOMPRESSION_LIMIT);
        assertThat(over.detail()).isEqualTo("inflates past the limit of " + limit + " bytes");
    }

    @Property(tries = 60)
    void theVerdictDependsOnlyOnTheInflatedSizeAgainstTheLimit(@ForAll @IntRange(min = 1024, max = 256 * 1024) int limit,
            @ForAll @IntRange(min = 0, max = 512 * 1024) int inflated) {
        ReadLimits limits = ReadLimits.DEFAULTS.withMaxDecompressedBytes(limit);

        BothStages.Verdict verdict = BothStages.judge(LogFormat.JSON_GZIP, gzipOfRepeatedLines(inflated), limits);

        assertThat(verdict.fileReject().filter(FileRejectReason.DECOMPRESSION_LIMIT::equals).isPresent())
                .as(inflated + " inflated bytes against a limit of " + limit).isEqualTo(inflated > limit);
    }
}
