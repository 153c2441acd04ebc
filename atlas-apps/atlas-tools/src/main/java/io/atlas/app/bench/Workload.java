package io.atlas.app.bench;

import io.atlas.domain.lake.LogFormat;
import java.util.Arrays;
import java.util.Locale;

/**
 * The shapes of day {@code atlas bench --workload} generates (issue 13): each a format, a number of files and a mix
 * of values, at a default size that {@code --records} or {@code --scale} changes.
 */
public enum Workload {
    /** Mostly distinct client addresses (a public site), thousands of user agents and endpoints. */
    HIGH_CARDINALITY(LogFormat.NDJSON, 5_000_000, 8),
    /** The origin's day: a small address pool, a few agents and pages. */
    LOW_CARDINALITY(LogFormat.NDJSON, 5_000_000, 1),
    /** One NDJSON file of about 2 GB. */
    ONE_BIG_FILE(LogFormat.NDJSON, 11_000_000, 1),
    /** 20,000 files of 250 records. */
    MANY_SMALL_FILES(LogFormat.NDJSON, 5_000_000, 20_000),
    /** Gzip'd JSON arrays. */
    GZIP_JSON(LogFormat.JSON_GZIP, 2_000_000, 20),
    /** XML error documents (no DuckDB peer). */
    XML_HEAVY(LogFormat.XML_ERRORS, 1_000_000, 4),
    /** 30% of the records exact copies of others, in other files. */
    DUPLICATES(LogFormat.NDJSON, 5_000_000, 8);

    /** Share of records that repeat another record, in {@link #DUPLICATES}. */
    public static final double DUPLICATE_SHARE = 0.30;

    private final LogFormat format;
    private final long defaultRecords;
    private final int defaultFiles;

    Workload(LogFormat format, long defaultRecords, int defaultFiles) {
        this.format = format;
        this.defaultRecords = defaultRecords;
        this.defaultFiles = defaultFiles;
    }

    public LogFormat format() {
        return format;
    }

    public long defaultRecords() {
        return defaultRecords;
    }

    /** The records at {@code scale} of the default size, at least one per file of the scaled file count. */
    public long records(double scale) {
        return Math.max(files(Math.round(defaultRecords * scale)), Math.round(defaultRecords * scale));
    }

    /** Files for {@code records} records: fixed, except {@link #MANY_SMALL_FILES} (250 a file). */
    public int files(long records) {
        if (this == MANY_SMALL_FILES) {
            return (int) Math.max(1, (records + 249) / 250);
        }
        return (int) Math.max(1, Math.min(defaultFiles, records));
    }

    /** The command-line name: {@code high-cardinality}. */
    public String cliName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static Workload of(String cliName) {
        return Arrays.stream(values()).filter(w -> w.cliName().equals(cliName)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown workload " + cliName + "; one of "
                        + Arrays.stream(values()).map(Workload::cliName).toList()));
    }
}
