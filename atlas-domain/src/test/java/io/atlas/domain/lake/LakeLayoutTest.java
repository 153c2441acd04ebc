package io.atlas.domain.lake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.atlas.domain.run.RunId;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class LakeLayoutTest {
    private static final Instant AT = Instant.parse("2024-11-30T00:05:09Z");
    private static final RunId RUN = RunId.of("r-1");

    @Test
    void buildsEveryKeyOfTheLayout() {
        LocalDate day = LocalDate.of(2024, 3, 7);
        assertThat(LakeLayout.validatedKey(LogFormat.JSON_GZIP, day, "a/b c=d.json.gz").value())
                .isEqualTo("validated/json_gzip/year=2024/month=03/day=07/a/b c=d.json.gz");
        assertThat(LakeLayout.processedPartition(LogType.ERROR, day)).isEqualTo("processed/logs/log_type=error/year=2024/month=03/day=07/");
        assertThat(LakeLayout.rejectsPartition(day)).isEqualTo("rejected/data_quality/year=2024/month=03/day=07/");
        assertThat(LakeLayout.dailyActivityPartition(day)).isEqualTo("analytics/daily_activity/date=2024-03-07/");
        assertThat(LakeLayout.archiveKey(LogFormat.NDJSON, "x.ndjson", AT, RUN).value())
                .isEqualTo("archive/validated/ndjson/x.ndjson_20241130T000509Z_r-1");
        assertThat(LakeLayout.lambdaRejectKey("csv", "x.csv", AT, RUN).value())
                .isEqualTo("rejected/system/lambda/csv/x.csv_20241130T000509Z_r-1");
        assertThat(LakeLayout.errorSidecarKey(LakeLayout.lambdaRejectKey("csv", "x.csv", AT, RUN)).value())
                .isEqualTo("rejected/system/lambda/csv/x.csv_20241130T000509Z_r-1.error.json");
        assertThat(LakeLayout.glueFailureKey("normalize", day, RUN).value())
                .isEqualTo("rejected/system/glue/normalize/2024-03-07/r-1.json");
    }

    @Test
    void parsesValidatedKeysBack() {
        ObjectKey key = LakeLayout.validatedKey(LogFormat.NDJSON, LocalDate.of(2024, 11, 29), "team/a.ndjson");
        assertThat(LakeLayout.parseValidatedKey(key))
                .contains(new LakeLayout.ValidatedKey(LogFormat.NDJSON, LocalDate.of(2024, 11, 29), "team/a.ndjson"));
        assertThat(LakeLayout.parseValidatedKey(ObjectKey.of("validated/csv/year=2024/month=11/day=29/a"))).isEmpty();
        assertThat(LakeLayout.parseValidatedKey(ObjectKey.of("validated/ndjson/year=2024/month=02/day=30/a"))).isEmpty();
    }

    @Test
    void rawKeysSplitIntoFolderAndName() {
        assertThat(RawObject.of(ObjectKey.of("raw/ndjson/team/a b.ndjson")))
                .extracting(RawObject::folder, RawObject::name, RawObject::format)
                .containsExactly("ndjson", "team/a b.ndjson", java.util.Optional.of(LogFormat.NDJSON));
        assertThat(RawObject.of(ObjectKey.of("raw/csv/x.csv")).format()).isEmpty();
        assertThat(RawObject.of(ObjectKey.of("raw/loose.ndjson")).folder()).isEmpty();
        assertThatThrownBy(() -> RawObject.of(ObjectKey.of("validated/x"))).hasMessageContaining("Cannot ingest");
    }

    @Test
    void keysThatCouldEscapeTheLakeAreRefused() {
        for (String bad : new String[] {"", "/abs", "a/", "a//b", "a/../b", "..", "./a", "a/\u0000b", "a\nb"}) {
            assertThat(ObjectKey.isValid(bad)).as(bad).isFalse();
            assertThatThrownBy(() -> ObjectKey.of(bad)).isInstanceOf(IllegalArgumentException.class);
        }
        assertThat(ObjectKey.isValid("raw/ndjson/ünï cödé=1 %2F.ndjson")).isTrue();
        assertThat(ObjectKey.isValid("a/" + "x".repeat(1100))).isFalse();
    }

    @Property
    void keysSortLikeTheirUtf8Bytes(@ForAll String a, @ForAll String b) {
        int expected = Arrays.compareUnsigned(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
        assertThat(Integer.signum(Utf8Order.compare(a, b))).isEqualTo(Integer.signum(expected));
    }

    @Test
    void supplementaryCharactersSortAfterTheRestOfTheBasicPlane() {
        assertThat(Utf8Order.compare("\uD83C\uDF89", "\uFF5E")).isPositive();
        assertThat(Utf8Order.compare("\uFF5E", "\uD83C\uDF89")).isNegative();
    }
}
