package io.atlas.domain.normalize;

import static io.atlas.domain.testing.Bytes.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import io.atlas.domain.lake.LogFormat;
import io.atlas.domain.record.RejectReason;
import io.atlas.domain.testing.CollectingSink;
import io.atlas.domain.testing.Records;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class FileNormalizerTest {
    private static final LocalDate D29 = LocalDate.of(2024, 11, 29);
    private static final LocalDate D30 = LocalDate.of(2024, 11, 30);
    private static final String SOURCE = "validated/ndjson/year=2024/month=11/day=29/a.ndjson";

    private final FileNormalizer normalizer = new FileNormalizer(NormalizationSettings.DEFAULTS);

    private FileCounts run(byte[] content, LocalDate day, CollectingSink sink) throws IOException {
        return normalizer.normalize(LogFormat.NDJSON, SOURCE, () -> new ByteArrayInputStream(content), day, sink);
    }

    @Test
    void eachRecordLandsOnItsOwnDayExactlyOnce() throws IOException {
        byte[] file = utf8(String.join("\n",
                Records.access("2024-11-29T23:59:59.999Z"),
                Records.access("2024-11-30T00:00:00Z"),
                "{\"timestamp\": \"2024-11-30T10:00:00Z\", \"ip\": \"1\", \"request_type\": \"GET\", \"status\": 0}",
                "{\"timestamp\": \"no\"}",
                "garbage"));
        CollectingSink day29 = new CollectingSink();
        CollectingSink day30 = new CollectingSink();

        FileCounts counts29 = run(file, D29, day29);
        FileCounts counts30 = run(file, D30, day30);

        assertThat(day29.accepted).extracting(r -> r.eventTimestamp().toString()).containsExactly("2024-11-29T23:59:59.999Z");
        assertThat(day30.accepted).extracting(r -> r.eventTimestamp().toString()).containsExactly("2024-11-30T00:00:00Z");
        // Records without a valid timestamp are rejected in the earliest day's run only.
        assertThat(day29.rejected).extracting(RejectRow::recordIndex, RejectRow::reasonCode).containsExactly(
                org.assertj.core.groups.Tuple.tuple(4L, RejectReason.INVALID_TIMESTAMP),
                org.assertj.core.groups.Tuple.tuple(5L, RejectReason.MALFORMED_RECORD));
        assertThat(day30.rejected).extracting(RejectRow::recordIndex, RejectRow::reasonCode)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(3L, RejectReason.INVALID_STATUS));
        assertThat(counts29).isEqualTo(new FileCounts(5, 1, 2, 2));
        assertThat(counts30).isEqualTo(new FileCounts(5, 1, 1, 3));
    }

    @Test
    void rejectRowsCarryTheirLineage() throws IOException {
        CollectingSink sink = new CollectingSink();
        run(utf8(Records.access("2024-11-29T10:00:00Z") + "\n\n{\"timestamp\": \"2024-11-29T10:00:00\"}"), D29, sink);

        assertThat(sink.rejected).singleElement().isEqualTo(new RejectRow(D29, SOURCE, LogFormat.NDJSON, 3,
                RejectReason.TIMESTAMP_WITHOUT_ZONE, "timestamp '2024-11-29T10:00:00' has no zone or offset",
                "{\"timestamp\": \"2024-11-29T10:00:00\"}"));
    }

    @Test
    void manyTimestamplessRejectsAreReadAgainRatherThanHeldInMemory() throws IOException {
        StringBuilder file = new StringBuilder(Records.access("2024-11-29T10:00:00Z")).append('\n');
        int bad = FileNormalizer.MAX_BUFFERED_REJECTS + 5;
        for (int i = 0; i < bad; i++) {
            file.append("{\"n\": ").append(i).append("}\n");
        }
        byte[] content = utf8(file.toString());
        AtomicInteger opened = new AtomicInteger();
        CollectingSink sink = new CollectingSink();

        FileCounts counts = normalizer.normalize(LogFormat.NDJSON, SOURCE, () -> {
            opened.incrementAndGet();
            return new ByteArrayInputStream(content);
        }, D29, sink);

        assertThat(opened).hasValue(2);
        assertThat(sink.rejected).hasSize(bad);
        assertThat(sink.rejected.get(bad - 1).recordIndex()).isEqualTo(bad + 1L);
        assertThat(counts).isEqualTo(new FileCounts(bad + 1L, 1, bad, 0));
    }

    @Test
    void aFileWithNoValidDayRejectsEverythingWhereverItSits() throws IOException {
        CollectingSink sink = new CollectingSink();

        FileCounts counts = run(utf8("{\"a\": 1}\n{\"b\": 2}\n"), D30, sink);

        assertThat(counts).isEqualTo(new FileCounts(2, 0, 2, 0));
    }

    @Test
    void ownershipRule() {
        assertThat(RecordOwnership.ownedBy(D29, java.util.Optional.of(D29), java.util.Optional.of(D29))).isTrue();
        assertThat(RecordOwnership.ownedBy(D29, java.util.Optional.of(D30), java.util.Optional.of(D29))).isFalse();
        assertThat(RecordOwnership.ownedBy(D29, java.util.Optional.empty(), java.util.Optional.of(D29))).isTrue();
        assertThat(RecordOwnership.ownedBy(D30, java.util.Optional.empty(), java.util.Optional.of(D29))).isFalse();
        assertThat(RecordOwnership.ownedBy(D30, java.util.Optional.empty(), java.util.Optional.empty())).isTrue();
    }
}
