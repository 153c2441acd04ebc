package io.atlas.app.bench;

import io.atlas.domain.lake.LogFormat;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.zip.GZIPOutputStream;

/**
 * Writes one {@link Workload}'s day, deterministically for a seed, streaming: {@code records} records over the
 * workload's files, all on {@link BenchDay#DAY}. Records go round-robin over a few files, or in runs of 250 over
 * many small ones.
 */
public final class WorkloadDay {
    private static final String[] METHODS = {"GET", "GET", "GET", "POST", "POST", "PUT", "DELETE", "PATCH"};
    private static final int[] STATUSES = {200, 200, 200, 200, 200, 200, 201, 301, 400, 401, 403, 404, 500, 503};
    /** Distinct user agents and endpoints of the high-cardinality shapes. */
    static final int WIDE_VALUES = 5_000;
    /** Distinct records kept for the duplicates workload to copy from. */
    private static final int RECENT = 4_096;

    /** What was written. */
    public record Written(Workload workload, LogFormat format, List<Path> files, long records, long bytes) {}

    private WorkloadDay() {}

    public static Written write(Workload workload, Path directory, long records, long seed) throws IOException {
        Files.createDirectories(directory);
        int fileCount = workload.files(records);
        SplittableRandom random = new SplittableRandom(seed);
        List<Path> files = new ArrayList<>();
        for (int f = 0; f < fileCount; f++) {
            files.add(directory.resolve(String.format("%s-%05d.%s", workload.cliName(), f, extension(workload.format()))));
        }
        Writers writers = new Writers(workload.format(), files, fileCount > 64);
        try (writers) {
            String[] recent = new String[RECENT];
            int[] recentFile = new int[RECENT];
            long distinct = 0;
            StringBuilder record = new StringBuilder(256);
            for (long i = 0; i < records; i++) {
                int file = fileCount > 64 ? (int) Math.min(fileCount - 1, i / 250) : (int) (i % fileCount);
                if (workload == Workload.DUPLICATES && i % 10 >= 7 && distinct > 0) {
                    // A copy of an earlier record, taken from another file where there is one.
                    int pick = random.nextInt((int) Math.min(distinct, RECENT));
                    if (recentFile[pick] == file && fileCount > 1) {
                        file = (file + 1) % fileCount;
                    }
                    writers.write(file, recent[pick]);
                    continue;
                }
                record.setLength(0);
                switch (workload) {
                    case HIGH_CARDINALITY, DUPLICATES -> wideAccess(record, random);
                    case LOW_CARDINALITY, ONE_BIG_FILE, MANY_SMALL_FILES -> BenchDay.access(record, random, false);
                    case GZIP_JSON -> BenchDay.access(record, random, true);
                    case XML_HEAVY -> BenchDay.error(record, random, BenchDay.ip(random));
                }
                String text = record.toString();
                if (workload == Workload.DUPLICATES) {
                    int slot = (int) (distinct % RECENT);
                    recent[slot] = text;
                    recentFile[slot] = file;
                }
                distinct++;
                writers.write(file, text);
            }
        }
        long bytes = 0;
        for (Path file : files) {
            bytes += Files.size(file);
        }
        return new Written(workload, workload.format(), files, records, bytes);
    }

    /** An access line of a public site: any IPv4 client, thousands of agents and endpoints. */
    static void wideAccess(StringBuilder out, SplittableRandom random) {
        int ip = random.nextInt();
        out.append("{\"timestamp\": \"").append(BenchDay.timestamp(random)).append("\", \"ip\": \"")
                .append(ip >>> 24).append('.').append((ip >>> 16) & 255).append('.').append((ip >>> 8) & 255).append('.')
                .append(ip & 255)
                .append("\", \"user_agent\": \"Mozilla/5.0 (client ").append(random.nextInt(WIDE_VALUES))
                .append(") Gecko/20100101\", \"request_type\": \"").append(METHODS[random.nextInt(METHODS.length)])
                .append("\", \"status\": ").append(STATUSES[random.nextInt(STATUSES.length)])
                .append(", \"endpoint\": \"/api/v2/items/").append(random.nextInt(WIDE_VALUES)).append("\"}");
    }

    private static String extension(LogFormat format) {
        return switch (format) {
            case NDJSON -> "ndjson";
            case JSON_GZIP -> "json.gz";
            case XML_ERRORS -> "xml";
        };
    }

    /** The open files of a day; with {@code sequential}, one at a time (records come file after file). */
    private static final class Writers implements AutoCloseable {
        private final LogFormat format;
        private final List<Path> files;
        private final boolean sequential;
        private final OutputStream[] open;
        private final boolean[] started;

        Writers(LogFormat format, List<Path> files, boolean sequential) {
            this.format = format;
            this.files = files;
            this.sequential = sequential;
            this.open = new OutputStream[files.size()];
            this.started = new boolean[files.size()];
        }

        void write(int file, String record) throws IOException {
            if (open[file] == null) {
                if (sequential) {
                    for (int f = 0; f < open.length; f++) {
                        if (open[f] != null) {
                            finish(f);
                        }
                    }
                }
                OutputStream out = Files.newOutputStream(files.get(file));
                open[file] = new BufferedOutputStream(format == LogFormat.JSON_GZIP ? new GZIPOutputStream(out, 1 << 16) : out,
                        sequential ? 1 << 16 : 1 << 20);
                open[file].write(switch (format) {
                    case NDJSON -> new byte[0];
                    case JSON_GZIP -> "[".getBytes(StandardCharsets.UTF_8);
                    case XML_ERRORS -> "<errors>\n".getBytes(StandardCharsets.UTF_8);
                });
            }
            String text = switch (format) {
                case NDJSON -> record + "\n";
                case JSON_GZIP -> (started[file] ? ",\n" : "") + record;
                case XML_ERRORS -> record;
            };
            started[file] = true;
            open[file].write(text.getBytes(StandardCharsets.UTF_8));
        }

        private void finish(int file) throws IOException {
            open[file].write(switch (format) {
                case NDJSON -> new byte[0];
                case JSON_GZIP -> "]".getBytes(StandardCharsets.UTF_8);
                case XML_ERRORS -> "</errors>\n".getBytes(StandardCharsets.UTF_8);
            });
            open[file].close();
            open[file] = null;
        }

        @Override
        public void close() throws IOException {
            for (int f = 0; f < open.length; f++) {
                if (open[f] != null) {
                    finish(f);
                } else if (!Files.exists(files.get(f))) {
                    write(f, ""); // an empty file of the format: none in practice, every file gets records
                    finish(f);
                }
            }
        }
    }
}
