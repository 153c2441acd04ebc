package io.atlas.domain.file;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits a large uncompressed NDJSON file into byte ranges that start at line starts, so several threads can read one
 * file: every line belongs to exactly the range its first byte falls in.
 */
public final class NdjsonRanges {
    /** Opens the file at a byte offset. */
    @FunctionalInterface
    public interface Opener {
        InputStream openAt(long offset) throws IOException;
    }

    /** {@code [start, end)} of a file; {@code start} is a line start. */
    public record Range(long start, long end) {
        public long length() {
            return end - start;
        }
    }

    private NdjsonRanges() {}

    /** About {@code parts} ranges covering {@code [0, size)}; fewer when lines are long or the file is small. */
    public static List<Range> split(long size, int parts, Opener file) throws IOException {
        if (parts < 1) {
            throw new IllegalArgumentException("parts must be at least 1, got " + parts);
        }
        List<Long> starts = new ArrayList<>();
        starts.add(0L);
        for (int i = 1; i < parts; i++) {
            long guess = size * i / parts;
            if (guess <= 0) {
                continue;
            }
            long start = nextLineStart(file, guess);
            if (start < size && start > starts.get(starts.size() - 1)) {
                starts.add(start);
            }
        }
        List<Range> ranges = new ArrayList<>();
        for (int i = 0; i < starts.size(); i++) {
            ranges.add(new Range(starts.get(i), i + 1 < starts.size() ? starts.get(i + 1) : size));
        }
        return ranges;
    }

    /** The first line start at or after {@code offset}: just after the first newline from {@code offset - 1} on. */
    private static long nextLineStart(Opener file, long offset) throws IOException {
        try (InputStream in = file.openAt(offset - 1)) {
            long position = offset - 1;
            byte[] buffer = new byte[8192];
            int n;
            while ((n = in.read(buffer)) > 0) {
                for (int i = 0; i < n; i++) {
                    if (buffer[i] == '\n') {
                        return position + i + 1;
                    }
                }
                position += n;
            }
            return Long.MAX_VALUE;
        }
    }
}
