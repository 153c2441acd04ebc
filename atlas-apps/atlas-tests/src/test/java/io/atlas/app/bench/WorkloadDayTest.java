package io.atlas.app.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.atlas.domain.lake.LogFormat;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each workload has the shape its name promises, at a tiny size (shapes are asserted, nothing is timed). */
class WorkloadDayTest {
    private static final Pattern IP = Pattern.compile("\"ip\": \"([^\"]+)\"|<clientIp>([^<]+)</clientIp>");
    private static final Pattern AGENT = Pattern.compile("\"user_agent\": \"([^\"]+)\"");

    @TempDir
    Path work;

    @Test
    void highCardinalityHasMostlyDistinctAddressesAndThousandsOfAgents() throws IOException {
        List<String> records = records(WorkloadDay.write(Workload.HIGH_CARDINALITY, work, 20_000, 1));

        assertThat(records).hasSize(20_000);
        assertThat(distinct(records, IP)).isGreaterThan(16_000L);
        assertThat(distinct(records, AGENT)).isGreaterThan(2_000);
    }

    @Test
    void lowCardinalityHasTheOriginsSmallAddressPool() throws IOException {
        WorkloadDay.Written day = WorkloadDay.write(Workload.LOW_CARDINALITY, work, 20_000, 1);

        assertThat(day.files()).hasSize(1);
        assertThat(distinct(records(day), IP)).isLessThan(4_100);
    }

    @Test
    void manySmallFilesHoldTwoHundredFiftyRecordsEach() throws IOException {
        WorkloadDay.Written day = WorkloadDay.write(Workload.MANY_SMALL_FILES, work, 2_500, 1);

        assertThat(day.files()).hasSize(10);
        for (Path file : day.files()) {
            assertThat(Files.readAllLines(file)).hasSize(250);
        }
        assertThat(Workload.MANY_SMALL_FILES.files(Workload.MANY_SMALL_FILES.defaultRecords())).isEqualTo(20_000);
    }

    @Test
    void oneBigFileIsOneFileOfAboutTwoGigabytesAtFullSize() throws IOException {
        WorkloadDay.Written day = WorkloadDay.write(Workload.ONE_BIG_FILE, work, 10_000, 1);

        assertThat(day.files()).hasSize(1);
        double projected = (double) day.bytes() / 10_000 * Workload.ONE_BIG_FILE.defaultRecords();
        assertThat(projected).isBetween(1.6e9, 2.4e9);
    }

    @Test
    void gzipJsonIsTwentyGzipdArrays() throws IOException {
        WorkloadDay.Written day = WorkloadDay.write(Workload.GZIP_JSON, work, 2_000, 1);

        assertThat(day.format()).isEqualTo(LogFormat.JSON_GZIP);
        assertThat(day.files()).hasSize(20);
        String first = text(day.files().get(0));
        assertThat(first).startsWith("[{").endsWith("}]");
        assertThat(records(day)).hasSize(2_000);
    }

    @Test
    void xmlHeavyIsErrorDocuments() throws IOException {
        WorkloadDay.Written day = WorkloadDay.write(Workload.XML_HEAVY, work, 1_000, 1);

        assertThat(day.format()).isEqualTo(LogFormat.XML_ERRORS);
        assertThat(text(day.files().get(0))).startsWith("<errors>\n  <error>").endsWith("</errors>\n");
        assertThat(records(day)).hasSize(1_000);
    }

    @Test
    void duplicatesAreThirtyPercentExactCopiesMostlyInOtherFiles() throws IOException {
        WorkloadDay.Written day = WorkloadDay.write(Workload.DUPLICATES, work, 10_000, 1);

        List<String> records = records(day);
        assertThat(records).hasSize(10_000);
        assertThat(records.size() - new HashSet<>(records).size()).isEqualTo(3_000);
        long copiesInOneFile = 0;
        for (Path file : day.files()) {
            List<String> lines = Files.readAllLines(file);
            copiesInOneFile += lines.size() - new HashSet<>(lines).size();
        }
        assertThat(copiesInOneFile).isLessThan(3_000 / 4);
    }

    @Test
    void theSameSeedWritesTheSameDay() throws IOException {
        WorkloadDay.Written a = WorkloadDay.write(Workload.HIGH_CARDINALITY, work.resolve("a"), 1_000, 7);
        WorkloadDay.Written b = WorkloadDay.write(Workload.HIGH_CARDINALITY, work.resolve("b"), 1_000, 7);

        assertThat(records(a)).isEqualTo(records(b));
    }

    @Test
    void workloadsAreNamedAsOnTheCommandLine() {
        assertThat(Workload.of("many-small-files")).isEqualTo(Workload.MANY_SMALL_FILES);
        assertThatThrownBy(() -> Workload.of("huge")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("Unknown workload huge; one of [high-cardinality");
        assertThat(Workload.GZIP_JSON.records(0.001)).isEqualTo(2_000);
        assertThat(Workload.MANY_SMALL_FILES.records(0.0001)).isEqualTo(500);
    }

    /** Every record of a day, as text: NDJSON lines, JSON array elements, XML elements. */
    private static List<String> records(WorkloadDay.Written day) throws IOException {
        List<String> records = new ArrayList<>();
        for (Path file : day.files()) {
            String text = text(file);
            switch (day.format()) {
                case NDJSON -> text.lines().filter(l -> !l.isBlank()).forEach(records::add);
                case JSON_GZIP -> {
                    for (String element : text.substring(1, text.length() - 1).split(",\n")) {
                        records.add(element);
                    }
                }
                case XML_ERRORS -> {
                    Matcher m = Pattern.compile("<error>.*?</error>", Pattern.DOTALL).matcher(text);
                    while (m.find()) {
                        records.add(m.group());
                    }
                }
            }
        }
        return records;
    }

    private static String text(Path file) throws IOException {
        if (!file.toString().endsWith(".gz")) {
            return Files.readString(file);
        }
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static long distinct(List<String> records, Pattern field) {
        Set<String> values = new HashSet<>();
        for (String record : records) {
            Matcher m = field.matcher(record);
            if (m.find()) {
                values.add(m.group(1) != null ? m.group(1) : m.groupCount() > 1 ? m.group(2) : m.group(1));
            }
        }
        return values.size();
    }
}
