package io.atlas.local.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.Encoding;
import org.apache.parquet.column.values.ValuesWriter;
import org.apache.parquet.column.values.fallback.FallbackValuesWriter;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ParquetMetadata;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * A file written with the dictionaries by instance is byte for byte the file parquet-java writes with its own, whatever
 * the values' instances: shared, new copies of the same bytes, or one instance whose bytes change between rows; across
 * pages, row groups (each a new dictionary) and dictionaries that outgrow their page and fall back to plain values.
 */
class IdentityDictionariesTest {
    private static final MessageType SCHEMA = MessageTypeParser.parseMessageType(
            "message m { optional binary text (STRING); required binary word (STRING); required int32 n; }");

    @Property(tries = 60)
    void writesTheFileParquetJavaWrites(@ForAll long seed, @ForAll @IntRange(min = 1, max = 4000) int rows,
            @ForAll @IntRange(min = 1, max = 400) int distinct, @ForAll @IntRange(min = 0, max = 2) int dictionarySize,
            @ForAll @IntRange(min = 0, max = 1) int rowGroupSize) throws IOException {
        sameFile(rows(seed, rows, distinct, false), new int[] {64, 2048, 1 << 20}[dictionarySize],
                new long[] {4096, 64L << 20}[rowGroupSize]);
    }

    @Test
    void aDictionaryThatOutgrowsItsPageFallsBackAsParquetJavasDoes() throws IOException {
        ParquetMetadata footer = sameFile(rows(7, 3000, 400, false), 64, 64L << 20);
        assertThat(footer.getBlocks().get(0).getColumns().get(0).getEncodings()).contains(Encoding.PLAIN);
    }

    @Test
    void eachRowGroupStartsADictionaryOfItsOwn() throws IOException {
        ParquetMetadata footer = sameFile(rows(11, 4000, 20, false), 1 << 20, 4096);
        assertThat(footer.getBlocks()).hasSizeGreaterThan(1);
        for (BlockMetaData block : footer.getBlocks()) {
            assertThat(block.getColumns().get(0).getEncodings()).contains(Encoding.PLAIN_DICTIONARY)
                    .doesNotContain(Encoding.PLAIN);
        }
    }

    /** New instances for every value: the table stops being looked in (its CacheUse pauses) and the ids stay. */
    @Test
    void valuesThatNeverRepeatTheirInstancePassTheTableBy() throws IOException {
        sameFile(rows(13, 30_000, 300, true), 1 << 20, 64L << 20);
    }

    @Test
    void installsOnParquetJavasBuilder() {
        assertThat(IdentityDictionaries.install(ExampleParquetWriter.builder(new LocalOutputFile(Path.of("unused")))))
                .isTrue();
    }

    /**
     * Writes the rows with parquet-java's dictionaries and with ours, asserts the two files are the same bytes and
     * that ours were used, and gives the footer.
     */
    private static ParquetMetadata sameFile(List<Group> values, int dictionaryBytes, long rowGroupBytes)
            throws IOException {
        Path directory = Files.createTempDirectory("identity-dictionaries");
        try {
            Path theirs = write(directory.resolve("theirs.parquet"), values, dictionaryBytes, rowGroupBytes, null);
            CountingFactory factory = new CountingFactory();
            Path ours = write(directory.resolve("ours.parquet"), values, dictionaryBytes, rowGroupBytes, factory);
            assertThat(factory.writers.get()).as("dictionaries by instance made, for each text column of a row group")
                    .isGreaterThanOrEqualTo(2);
            byte[] expected = Files.readAllBytes(theirs);
            byte[] actual = Files.readAllBytes(ours);
            assertThat(Arrays.mismatch(actual, expected)).as("first byte that differs, of %d and %d", actual.length,
                    expected.length).isEqualTo(-1);
            try (ParquetFileReader reader = ParquetFileReader.open(new LocalInputFile(ours))) {
                return reader.getFooter();
            }
        } finally {
            try (var files = Files.list(directory)) {
                for (Path file : files.toList()) {
                    Files.delete(file);
                }
            }
            Files.delete(directory);
        }
    }

    /**
     * Rows whose text values come as shared instances, as new copies (every one when {@code alwaysCopies}) and as
     * one instance whose bytes change between rows.
     */
    private static List<Group> rows(long seed, int rows, int distinct, boolean alwaysCopies) {
        SplittableRandom random = new SplittableRandom(seed);
        Binary[] shared = new Binary[distinct];
        for (int i = 0; i < distinct; i++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(40);
            for (int c = 0; c < length; c++) {
                text.append(random.nextInt(8) == 0 ? '\u00e9' : (char) ('a' + random.nextInt(26)));
            }
            shared[i] = Binary.fromConstantByteArray(text.toString().getBytes(StandardCharsets.UTF_8));
        }
        byte[] changing = new byte[8];
        Binary reused = Binary.fromReusedByteArray(changing);
        SimpleGroupFactory groups = new SimpleGroupFactory(SCHEMA);
        List<Group> out = new ArrayList<>(rows);
        for (int row = 0; row < rows; row++) {
            Group group = groups.newGroup();
            Binary value = shared[random.nextInt(distinct)];
            switch (alwaysCopies ? 0 : random.nextInt(6)) {
                case 0 -> value = Binary.fromConstantByteArray(value.getBytes());
                case 1 -> value = null;
                default -> { }
            }
            if (value != null) {
                group.add("text", value);
            }
            group.add("word", random.nextInt(3) == 0 ? reused : shared[random.nextInt(Math.min(distinct, 5))]);
            group.add("n", row);
            out.add(group);
        }
        // Every row's "word" may be the one reused instance: write() gives it new bytes just before each such row.
        return out;
    }

    private static Path write(Path file, List<Group> rows, int dictionaryBytes, long rowGroupBytes,
            @Nullable IdentityDictionaries factory) throws IOException {
        ExampleParquetWriter.Builder builder = ExampleParquetWriter.builder(new LocalOutputFile(file))
                .withType(SCHEMA)
                .withConf(PlainConfiguration.get())
                .withCodecFactory(PlainConfiguration.codecs())
                .withWriteMode(ParquetFileWriter.Mode.OVERWRITE)
                .withDictionaryPageSize(dictionaryBytes)
                .withPageSize(1024)
                .withRowGroupSize(rowGroupBytes);
        if (factory != null) {
            assertThat(IdentityDictionaries.install(builder, factory)).isTrue();
        }
        SplittableRandom bytes = new SplittableRandom(rows.size());
        try (ParquetWriter<Group> writer = builder.build()) {
            for (Group row : rows) {
                if (row.getFieldRepetitionCount("word") == 1 && row.getBinary("word", 0).isBackingBytesReused()) {
                    bytes.nextBytes(row.getBinary("word", 0).getBytesUnsafe());
                }
                writer.write(row);
            }
        }
        return file;
    }

    /** The factory, counting the dictionary writers it makes. */
    private static final class CountingFactory extends IdentityDictionaries {
        final AtomicInteger writers = new AtomicInteger();

        @Override
        public ValuesWriter newValuesWriter(ColumnDescriptor column) {
            ValuesWriter writer = super.newValuesWriter(column);
            if (writer instanceof FallbackValuesWriter<?, ?> fallback
                    && fallback.initialWriter instanceof IdentityDictionaries.Writer) {
                writers.incrementAndGet();
            }
            return writer;
        }
    }
}
