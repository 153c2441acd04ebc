package io.atlas.local.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import io.atlas.domain.catalog.TableRows;
import io.atlas.domain.lake.LogFormat;
import io.atlas.domain.lake.LogType;
import io.atlas.domain.record.CanonicalRecord;
import io.atlas.ports.dataset.Dataset;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.RecordConsumer;
import org.junit.jupiter.api.Test;

/** The logs table's own codec writes exactly what the codec derived from its row mapping writes. */
class RowCodecsTest {

    @Test
    void theLogsCodecWritesWhatTheMappedCodecWrites() {
        RowCodec<CanonicalRecord> logs = RowCodecs.forDataset(Dataset.LOGS);
        RowCodec<CanonicalRecord> mapped = RowCodecs.of(TableRows.LOGS);
        assertThat(logs).isInstanceOf(RowCodecs.LogsCodec.class);
        assertThat(logs.schema()).isEqualTo(mapped.schema());
        Random random = new Random(13);
        TextBinaries texts = new TextBinaries();
        for (int i = 0; i < 2000; i++) {
            CanonicalRecord record = record(random);
            Recording viaLogs = new Recording();
            Recording viaMapped = new Recording();
            logs.write(record, viaLogs, texts);
            mapped.write(record, viaMapped, new TextBinaries());
            assertThat(viaLogs.calls).as(record.toString()).isEqualTo(viaMapped.calls);
        }
    }

    private static CanonicalRecord record(Random random) {
        String[] texts = {"GET", "10.0.0." + random.nextInt(300), "Mozilla/5.0", "/api/v1/items/" + random.nextInt(10),
                "caf\u00e9 \uD83C\uDF89", "", "a".repeat(300)};
        LogFormat format = LogFormat.values()[random.nextInt(LogFormat.values().length)];
        return new CanonicalRecord(HexFormat.of().formatHex(new byte[32]).replace('0', (char) ('a' + random.nextInt(6))),
                Instant.ofEpochMilli(random.nextLong() % 253_402_300_799_000L), pick(random, texts), nullable(random, texts),
                pick(random, texts), 100 + random.nextInt(500), nullable(random, texts), nullable(random, texts),
                pick(random, texts), format.logType(), format, "validated/" + random.nextInt(3) + ".ndjson");
    }

    private static String pick(Random random, String[] texts) {
        return texts[random.nextInt(texts.length)];
    }

    private static String nullable(Random random, String[] texts) {
        return random.nextInt(4) == 0 ? null : pick(random, texts);
    }

    /** Every call a codec makes, as text (binaries by their bytes). */
    private static final class Recording extends RecordConsumer {
        final List<String> calls = new ArrayList<>();

        @Override
        public void startMessage() {
            calls.add("startMessage");
        }

        @Override
        public void endMessage() {
            calls.add("endMessage");
        }

        @Override
        public void startField(String field, int index) {
            calls.add("startField " + field + " " + index);
        }

        @Override
        public void endField(String field, int index) {
            calls.add("endField " + field + " " + index);
        }

        @Override
        public void startGroup() {
            calls.add("startGroup");
        }

        @Override
        public void endGroup() {
            calls.add("endGroup");
        }

        @Override
        public void addInteger(int value) {
            calls.add("int " + value);
        }

        @Override
        public void addLong(long value) {
            calls.add("long " + value);
        }

        @Override
        public void addBoolean(boolean value) {
            calls.add("boolean " + value);
        }

        @Override
        public void addBinary(Binary value) {
            calls.add("binary " + HexFormat.of().formatHex(value.getBytes()));
        }

        @Override
        public void addFloat(float value) {
            calls.add("float " + value);
        }

        @Override
        public void addDouble(double value) {
            calls.add("double " + value);
        }
    }
}
