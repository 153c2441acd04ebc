package io.atlas.domain.normalize;

/**
 * One file's conservation in one day's run (SPEC §3): {@code read = processed + rejected + otherDay}, where
 * other-day records are owned (processed or rejected) by another day's run of the same file.
 */
public record FileCounts(long read, long processed, long rejected, long otherDay) {
    public static final FileCounts ZERO = new FileCounts(0, 0, 0, 0);

    public FileCounts {
        if (read != processed + rejected + otherDay) {
            throw new IllegalArgumentException("Records are not conserved: read " + read + " != processed " + processed
                    + " + rejected " + rejected + " + other-day " + otherDay);
        }
    }

    public FileCounts plus(FileCounts other) {
        return new FileCounts(read + other.read, processed + other.processed, rejected + other.rejected,
                otherDay + other.otherDay);
    }
}
