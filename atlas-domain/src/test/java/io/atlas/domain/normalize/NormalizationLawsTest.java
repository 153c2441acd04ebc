package io.atlas.domain.normalize;

import static io.atlas.domain.testing.Bytes.gzip;
import static io.atlas.domain.testing.Bytes.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import io.atlas.domain.file.JsonObjectReader;
import io.atlas.domain.file.ReadLimits;
import io.atlas.domain.ingest.FileScanResult;
import io.atlas.domain.ingest.FileScanner;
import io.atlas.domain.lake.LogFormat;
import io.atlas.domain.record.AppNameDefaults;
import io.atlas.domain.record.RecordOutcome;
import io.atlas.domain.record.RecordValidator;
import io.atlas.domain.record.SourceFields;
import io.atlas.domain.testing.CollectingSink;
import io.atlas.domain.testing.LogArbitraries;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The laws of SPEC §3 over generated records and files. */
class NormalizationLawsTest {
    private final JsonObjectReader reader = new JsonObjectReader(ReadLimits.DEFAULTS);
    private final RecordValidator validator = new RecordValidator(AppNameDefaults.DEFAULTS);

    @Provide
    Arbitrary<String> jsonRecords() {
        return LogArbitraries.jsonRecords();
    }

    @Provide
    Arbitrary<List<String>> ndjsonLines() {
        return LogArbitraries.ndjsonLines();
    }

    @Provide
    Arbitrary<List<String>> xmlRecords() {
        return LogArbitraries.xmlRecords().list().ofMinSize(1).ofMaxSize(30);
    }

    @Property
    void everyRecordIsEitherAcceptedOrRejectedAndNeverThrows(@ForAll("jsonRecords") String line) {
        SourceFields fields = new SourceFields();
        byte[] bytes = utf8(line);
        String malformed = reader.read(bytes, 0, bytes.length, fields);
        if (malformed == null) {
            RecordOutcome outcome = validator.validate(fields, LogFormat.NDJSON, "s");
            assertThat(outcome).isInstanceOfAny(RecordOutcome.Accepted.class, RecordOutcome.Rejected.class);
        }
    }

    @Property(tries = 200)
    void aFilesRecordsAreOwnedByExactlyOneDayOrRejectedOnce(@ForAll("ndjsonLines") List<String> lines) throws IOException {
        byte[] file = utf8(String.join("\n", lines));
        assertConservedAcrossItsDays(LogFormat.NDJSON, file);
        assertConservedAcrossItsDays(LogFormat.JSON_GZIP, gzip(file));
        List<String> elements = lines.stream().filter(l -> !l.isBlank()).toList();
        if (!elements.isEmpty()) {
            assertConservedAcrossItsDays(LogFormat.JSON_GZIP, gzip("[" + String.join(",\n", elements) + "]"));
        }
    }

    @Property(tries = 200)
    void xmlRecordsAreOwnedByExactlyOneDayOrRejectedOnce(@ForAll("xmlRecords") List<String> records) throws IOException {
        assertConservedAcrossItsDays(LogFormat.XML_ERRORS, utf8("<errors>\n" + String.join("\n", records) + "\n</errors>"));
    }

    @Property(tries = 100)
    void normalizingTwiceGivesTheSameRows(@ForAll("ndjsonLines") List<String> lines) throws IOException {
        byte[] file = utf8(String.join("\n", lines));
        if (!(new FileScanner(ReadLimits.DEFAULTS).scan(LogFormat.NDJSON, new ByteArrayInputStream(file))
                instanceof FileScanResult.Routable)) {
            return; // rejected as a whole at ingestion: never normalized
        }
        LocalDate day = LocalDate.of(2024, 11, 29);
        CollectingSink first = new CollectingSink();
        CollectingSink second = new CollectingSink();
        FileNormalizer normalizer = new FileNormalizer(NormalizationSettings.DEFAULTS);

        normalizer.normalize(LogFormat.NDJSON, "f", () -> new ByteArrayInputStream(file), day, first);
        normalizer.normalize(LogFormat.NDJSON, "f", () -> new ByteArrayInputStream(file), day, second);

        assertThat(second.accepted).isEqualTo(first.accepted);
        assertThat(second.rejected).isEqualTo(first.rejected);
    }

    private static void assertConservedAcrossItsDays(LogFormat format, byte[] file) throws IOException {
        FileScanResult scan = new FileScanner(ReadLimits.DEFAULTS).scan(format, new ByteArrayInputStream(file));
        if (!(scan instanceof FileScanResult.Routable routable)) {
            return; // rejected as a whole file: nothing reaches normalization
        }
        FileNormalizer normalizer = new FileNormalizer(NormalizationSettings.DEFAULTS);
        long owned = 0;
        Set<Long> rejectedIndexes = new HashSet<>();
        for (LocalDate day : routable.days()) {
            CollectingSink sink = new CollectingSink();
            FileCounts counts = normalizer.normalize(format, "f", () -> new ByteArrayInputStream(file), day, sink);
            assertThat(counts.read()).isEqualTo(routable.records());
            assertThat(counts.processed()).isEqualTo(sink.accepted.size());
            assertThat(counts.rejected()).isEqualTo(sink.rejected.size());
            owned += counts.processed() + counts.rejected();
            sink.rejected.forEach(row -> assertThat(rejectedIndexes.add(row.recordIndex()))
                    .as("record %d rejected twice", row.recordIndex()).isTrue());
            sink.accepted.forEach(record -> assertThat(record.day()).isEqualTo(day));
        }
        assertThat(owned).isEqualTo(routable.records());
    }
}
