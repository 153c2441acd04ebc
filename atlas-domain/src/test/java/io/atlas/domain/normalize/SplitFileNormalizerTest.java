package io.atlas.domain.normalize;

import static io.atlas.domain.testing.Bytes.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.atlas.domain.file.FileContentException;
import io.atlas.domain.file.NdjsonRanges;
import io.atlas.domain.ingest.FileScanResult;
import io.atlas.domain.ingest.FileScanner;
import io.atlas.domain.file.ReadLimits;
import io.atlas.domain.lake.LogFormat;
import io.atlas.domain.testing.CollectingSink;
import io.atlas.domain.testing.LogArbitraries;
import io.atlas.domain.testing.Records;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** A file read by several threads in ranges gives exactly what one pass over it gives. */
class SplitFileNormalizerTest {
    private static final String SOURCE = "validated/ndjson/year=2024/month=11/day=29/big.ndjson";
    private static final LocalDate D29 = LocalDate.of(2024, 11, 29);

    @Provide
    Arbitrary<List<String>> ndjsonLines() {
        return LogArbitraries.ndjsonLines();
    }

    @Property(tries = 300)
    void rangesGiveTheRowsAndCountsOfOnePass(@ForAll("ndjsonLines") List<String> lines,
            @ForAll @IntRange(min = 1, max = 9) int parts, @ForAll boolean byteOrderMark, @ForAll boolean crlf)
            throws IOException {
        String text = String.join(crlf ? "\r\n" : "\n", lines);
        byte[] file = utf8((byteOrderMark ? "\uFEFF" : "") + text);
        if (!(new FileScanner(ReadLimits.DEFAULTS).scan(LogFormat.NDJSON, new ByteArrayInputStream(file))
                instanceof FileScanResult.Routable routable)) {
            return; // rejected as a whole file at ingestion: never normalized
        }
        for (LocalDate day : routable.days()) {
            assertSameAsOnePass(file, parts, day);
        }
        assertSameAsOnePass(file, parts, D29); // a day the file may not touch
    }

    @Test
    void rejectsPastTheHeldBoundAreReadAgainWithTheirFileLineNumbers() throws IOException {
        StringBuilder text = new StringBuilder(Records.access("2024-11-29T10:00:00Z")).append('\n');
        for (int i = 0; i < SplitFileNormalizer.MAX_HELD_ROWS * 8 + 7; i++) {
            text.append(i % 2 == 0 ? "{\"n\": " + i + "}" : "{\"timestamp\": \"2024-11-29T10:00:00Z\", \"ip\": \"x\"}")
                    .append('\n');
        }
        text.append(Records.access("2024-11-28T23:00:00Z")).append('\n');
        byte[] file = utf8(text.toString());

        assertSameAsOnePass(file, 3, D29);
        assertSameAsOnePass(file, 3, LocalDate.of(2024, 11, 28));
    }

    @Test
    void theFirstRangeChecksTheContentLikeOnePass() throws IOException {
        byte[] xml = utf8("<errors>\n<error/>\n</errors>\n" + "x".repeat(100) + "\n");
        SplitFileNormalizer normalizer = new SplitFileNormalizer(NormalizationSettings.DEFAULTS);
        List<NdjsonRanges.Range> ranges = NdjsonRanges.split(xml.length, 2, offsetOf(xml));

        assertThatThrownBy(() -> normalizer.normalizeRange(SOURCE, ranges.get(0), offsetOf(xml), D29, new CollectingSink()))
                .isInstanceOf(FileContentException.class);
    }

    @Test
    void aFileOfOneLongLineIsOneRange() throws IOException {
        byte[] file = utf8(Records.access("2024-11-29T10:00:00Z"));

        assertThat(NdjsonRanges.split(file.length, 8, offsetOf(file))).containsExactly(new NdjsonRanges.Range(0, file.length));
    }

    private static void assertSameAsOnePass(byte[] file, int parts, LocalDate day) throws IOException {
        CollectingSink whole = new CollectingSink();
        FileCounts expected = new FileNormalizer(NormalizationSettings.DEFAULTS)
                .normalize(LogFormat.NDJSON, SOURCE, () -> new ByteArrayInputStream(file), day, whole);

        SplitFileNormalizer normalizer = new SplitFileNormalizer(NormalizationSettings.DEFAULTS);
        List<NdjsonRanges.Range> ranges = NdjsonRanges.split(file.length, parts, offsetOf(file));
        assertThat(ranges).first().extracting(NdjsonRanges.Range::start).isEqualTo(0L);
        assertThat(ranges).last().extracting(NdjsonRanges.Range::end).isEqualTo((long) file.length);
        CollectingSink split = new CollectingSink();
        List<SplitFileNormalizer.RangeResult> results = new ArrayList<>();
        for (NdjsonRanges.Range range : ranges) {
            results.add(normalizer.normalizeRange(SOURCE, range, offsetOf(file), day, split));
        }
        FileCounts counts = normalizer.finishRanges(SOURCE, ranges, results, offsetOf(file), day, split);

        assertThat(counts).isEqualTo(expected);
        assertThat(split.accepted).isEqualTo(whole.accepted);
        assertThat(sorted(split.rejected)).isEqualTo(sorted(whole.rejected));

        // Streamed (ranges in other processes, as Spark's tasks): rejects flagged and numbered within the range,
        // completed from the ranges' summaries alone.
        CollectingSink streamed = new CollectingSink();
        List<SplitFileNormalizer.RangeSummary> summaries = new ArrayList<>();
        List<List<Object[]>> rangeRejects = new ArrayList<>();
        for (NdjsonRanges.Range range : ranges) {
            List<Object[]> held = new ArrayList<>();
            summaries.add(normalizer.normalizeRangeStreaming(SOURCE, range, offsetOf(file), day, streamed,
                    (row, dayless) -> held.add(new Object[] {row, dayless})));
            rangeRejects.add(held);
        }
        SplitFileNormalizer.Completion completion = SplitFileNormalizer.complete(summaries, day);
        List<RejectRow> kept = new ArrayList<>();
        for (int i = 0; i < ranges.size(); i++) {
            for (Object[] reject : rangeRejects.get(i)) {
                if (completion.keeps((Boolean) reject[1])) {
                    kept.add(SplitFileNormalizer.renumbered((RejectRow) reject[0], completion.linesBefore().get(i)));
                }
            }
        }
        assertThat(completion.counts()).isEqualTo(expected);
        assertThat(streamed.accepted).isEqualTo(whole.accepted);
        assertThat(sorted(kept)).isEqualTo(sorted(whole.rejected));
    }

    private static List<RejectRow> sorted(List<RejectRow> rows) {
        return rows.stream().sorted(Comparator.comparingLong(RejectRow::recordIndex)).toList();
    }

    private static NdjsonRanges.Opener offsetOf(byte[] file) {
        return offset -> {
            InputStream in = new ByteArrayInputStream(file);
            in.skipNBytes(offset);
            return in;
        };
    }
}
