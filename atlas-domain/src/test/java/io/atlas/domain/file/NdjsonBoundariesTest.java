package io.atlas.domain.file;

import static org.assertj.core.api.Assertions.assertThat;

import io.atlas.domain.lake.LogFormat;
import io.atlas.domain.record.RejectReason;
import io.atlas.domain.testing.Bytes;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * NDJSON lines at and around the record limit, whatever ends them ({@code \n}, {@code \r\n}, nothing, a lone
 * {@code \r} at the end) and however the storage cuts the bytes into reads: a line within the limit is read as its
 * exact bytes, one over it is {@code RECORD_TOO_LARGE} keeping its first bytes up to a character boundary, and
 * reading the file in {@link NdjsonRanges} gives the records (and numbers) of one pass.
 */
class NdjsonBoundariesTest {
    private static final int LIMIT = 1024;
    private static final ReadLimits LIMITS = ReadLimits.DEFAULTS.withMaxRecordBytes(LIMIT);
    private static final String[] TAILS = {"a", "\u00e9", "\u4e16", "\ud83c\udf89"};

    /** One line of a generated file: its content (without terminator) and what ends it. */
    record Line(byte[] content, String terminator) {
        boolean blank() {
            return new String(content, StandardCharsets.UTF_8).isBlank();
        }
    }

    /** One record as the cursor saw it. */
    record Seen(long index, RejectReason reason, String raw) {}

    @Provide
    Arbitrary<List<Line>> files() {
        Arbitrary<Integer> length = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(4, Arbitraries.integers().between(LIMIT - 3, LIMIT + 3)),
                net.jqwik.api.Tuple.of(2, Arbitraries.integers().between(12, 80)),
                net.jqwik.api.Tuple.of(1, Arbitraries.integers().between(LIMIT + 4, 3 * LIMIT)));
        Arbitrary<byte[]> object = Combinators.combine(length, Arbitraries.of(TAILS).list().ofMaxSize(4),
                Arbitraries.integers().between(0, 9)).as(NdjsonBoundariesTest::object);
        Arbitrary<byte[]> blank = Arbitraries.of("", " ", "\t", " \t  ").map(Bytes::utf8);
        Arbitrary<byte[]> content = Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(6, object),
                net.jqwik.api.Tuple.of(1, blank));
        Arbitrary<Line> line = Combinators.combine(content, Arbitraries.of("\n", "\r\n")).as(Line::new);
        Arbitrary<String> last = Arbitraries.of("\n", "\r\n", "", "\r");
        return Combinators.combine(line.list().ofMinSize(1).ofMaxSize(6), last).as((lines, end) -> {
            List<Line> file = new ArrayList<>(lines);
            Line final_ = file.remove(file.size() - 1);
            file.add(new Line(final_.content(), end));
            return file;
        });
    }

    /**
     * A JSON object line of exactly {@code length} bytes ending in {@code tails} (multi-byte characters placed at the
     * line's end, where the limit cuts); {@code invalid} 0 puts a byte that is never UTF-8 before them.
     */
    private static byte[] object(int length, List<String> tails, int invalid) {
        ByteArrayOutputStream tail = new ByteArrayOutputStream();
        if (invalid == 0) {
            tail.write(0xff);
        }
        for (String t : tails) {
            tail.writeBytes(Bytes.utf8(t));
        }
        byte[] head = Bytes.utf8("{\"m\": \"");
        byte[] end = Bytes.utf8("\"}");
        int pad = length - head.length - end.length - tail.size();
        if (pad < 0) {
            tail.reset();
            pad = length - head.length - end.length;
        }
        return Bytes.concat(head, Bytes.utf8("a".repeat(pad)), tail.toByteArray(), end);
    }

    private static byte[] file(boolean byteOrderMark, List<Line> lines) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (byteOrderMark) {
            out.writeBytes(new byte[] {(byte) 0xef, (byte) 0xbb, (byte) 0xbf});
        }
        for (Line line : lines) {
            out.writeBytes(line.content());
            out.writeBytes(Bytes.utf8(line.terminator()));
        }
        return out.toByteArray();
    }

    /** What SPEC and the record limit say each line is. */
    private static List<Seen> expected(List<Line> lines) {
        List<Seen> seen = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Line line = lines.get(i);
            byte[] bytes = line.content();
            if (line.blank()) {
                continue;
            }
            if (bytes.length > LIMIT) {
                int cut = Math.min(LIMIT, ReadLimits.RAW_RECORD_BYTES);
                while ((bytes[cut] & 0xc0) == 0x80) {
                    cut--; // never inside a character
                }
                seen.add(new Seen(i + 1, RejectReason.RECORD_TOO_LARGE, Utf8.rawText(bytes, 0, cut)));
            } else {
                boolean valid = Utf8.isValid(bytes, 0, bytes.length);
                seen.add(new Seen(i + 1, valid ? null : RejectReason.INVALID_ENCODING, Utf8.rawText(bytes, 0, bytes.length)));
            }
        }
        return seen;
    }

    private static List<Seen> drain(RecordCursor cursor, long linesBefore) throws IOException {
        List<Seen> seen = new ArrayList<>();
        try (cursor) {
            while (cursor.next()) {
                seen.add(new Seen(linesBefore + cursor.index(),
                        cursor.problem() == null ? null : cursor.problem().reason(), cursor.rawText()));
            }
        }
        return seen;
    }

    static List<Seen> read(byte[] file, InputStream content) throws IOException {
        return drain(RecordCursors.open(LogFormat.NDJSON, content, LIMITS), 0);
    }

    @Property(tries = 400)
    void eachLineIsReadAsItsBytesHoweverTheReadsAreCut(@ForAll("files") List<Line> lines, @ForAll boolean byteOrderMark,
            @ForAll("chunks") List<Integer> chunks) throws IOException {
        byte[] file = file(byteOrderMark, lines);

        assertThat(read(file, new ChunkedInputStream(file, chunks))).isEqualTo(expected(lines));
    }

    @Property(tries = 300)
    void rangesReadEveryLineOnceWithItsFileNumber(@ForAll("files") List<Line> lines, @ForAll boolean byteOrderMark,
            @ForAll @IntRange(min = 1, max = 7) int parts) throws IOException {
        byte[] file = file(byteOrderMark, lines);
        NdjsonRanges.Opener opener = offset -> {
            InputStream in = new ByteArrayInputStream(file);
            in.skipNBytes(offset);
            return in;
        };

        List<Seen> split = new ArrayList<>();
        long linesBefore = 0;
        long end = 0;
        for (NdjsonRanges.Range range : NdjsonRanges.split(file.length, parts, opener)) {
            assertThat(range.start()).isEqualTo(end);
            end = range.end();
            RecordCursor cursor = RecordCursors.openNdjsonRange(opener.openAt(range.start()), range.start(),
                    range.length(), LIMITS);
            split.addAll(drain(cursor, linesBefore));
            linesBefore += cursor.index();
        }

        assertThat(end).isEqualTo(file.length);
        assertThat(split).isEqualTo(expected(lines));
    }

    @Provide
    Arbitrary<List<Integer>> chunks() {
        return Arbitraries.oneOf(Arbitraries.integers().between(1, 8), Arbitraries.integers().between(1, 3 * LIMIT))
                .list().ofMinSize(1).ofMaxSize(12);
    }

    /** A line of exactly the limit whose {@code \r} ends one read and whose {@code \n} starts the next. */
    @Example
    void aLineAtTheLimitIsNotTooLargeWhenItsCrLfIsSplitBetweenReads() throws IOException {
        Line atLimit = new Line(object(LIMIT, List.of(), 1), "\r\n");
        Line next = new Line(object(40, List.of(), 1), "\n");
        byte[] file = file(false, List.of(atLimit, next));

        assertThat(read(file, new ChunkedInputStream(file, List.of(LIMIT + 1, 4096))))
                .isEqualTo(expected(List.of(atLimit, next)));
        // A lone '\r' ending the file is dropped like the '\r' of a "\r\n".
        byte[] lastLine = file(false, List.of(new Line(object(LIMIT, List.of(), 1), "\r")));
        assertThat(read(lastLine, new ChunkedInputStream(lastLine, List.of(4096))))
                .extracting(Seen::reason).containsExactly((RejectReason) null);
    }

    /** The first 64 KiB of a line over the limit end at a character boundary, not in a U+FFFD for a cut character. */
    @Example
    void theKeptStartOfATooLargeLineEndsAtACharacterBoundary() throws IOException {
        for (String character : List.of("\u00e9", "\u4e16", "\ud83c\udf89")) {
            int width = Bytes.utf8(character).length;
            for (int before = 1; before < width; before++) {
                String head = "{\"m\": \"" + "a".repeat(ReadLimits.RAW_RECORD_BYTES - 7 - before);
                String line = head + character + "b".repeat(2 * 1024 * 1024) + "\"}";
                byte[] file = Bytes.utf8(line + "\n");

                List<Seen> seen = drain(RecordCursors.open(LogFormat.NDJSON, new ByteArrayInputStream(file),
                        ReadLimits.DEFAULTS), 0);

                assertThat(seen).extracting(Seen::reason).containsExactly(RejectReason.RECORD_TOO_LARGE);
                assertThat(seen.get(0).raw().equals(head)).as(character + " cut after " + before + " bytes").isTrue();
            }
        }
    }

    /** Serves its bytes in reads of the given sizes (cycled), and never says more is available, as network storage. */
    static final class ChunkedInputStream extends InputStream {
        private final byte[] bytes;
        private final List<Integer> chunks;
        private int position;
        private int read;

        ChunkedInputStream(byte[] bytes, List<Integer> chunks) {
            this.bytes = bytes;
            this.chunks = chunks;
        }

        @Override
        public int read() {
            return position < bytes.length ? bytes[position++] & 0xff : -1;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (position == bytes.length) {
                return -1;
            }
            int n = Math.min(Math.min(len, chunks.get(read++ % chunks.size())), bytes.length - position);
            System.arraycopy(bytes, position, b, off, n);
            position += n;
            return n;
        }

        @Override
        public int available() {
            return 0;
        }
    }
}
