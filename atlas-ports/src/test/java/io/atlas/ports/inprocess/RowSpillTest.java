package io.atlas.ports.inprocess;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.atlas.domain.aggregate.ConcurrentLogIdSet;
import io.atlas.domain.aggregate.DistinctEvents;
import io.atlas.domain.aggregate.IpShare;
import io.atlas.domain.lake.LogType;
import io.atlas.domain.record.LogIdHasher;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** Rows set aside for a later pass come back as they were written. */
class RowSpillTest {
    private static final LocalDate DAY = LocalDate.of(2024, 11, 29);

    /**
     * Texts repeat as one instance, as equal copies and as nulls, ids as duplicates, and one worker's texts spread
     * over the files of every later pass: the rows counted ahead, with each pass's file read alone and its repeats
     * taken back, count as adding the rows directly does.
     */
    @Property(tries = 30)
    void laterPassesTakeBackTheRepeatsOfRowsCountedAhead(@ForAll @IntRange(min = 0, max = 3_000) int rows,
            @ForAll @IntRange(min = 1, max = 1_500) int distinctTexts, @ForAll("passes") int passes) throws Exception {
        Path directory = Files.createTempDirectory("atlas-spill-test-");
        try {
            String[] texts = new String[distinctTexts];
            for (int i = 0; i < distinctTexts; i++) {
                texts[i] = ("agent/" + i + " \u00e9").intern();
            }
            texts[0] = ("agent/0 " + "\u00e9".repeat(20_000)).intern(); // 40,000 bytes: more than the spill's buffer
            DistinctEvents direct = new DistinctEvents(new ConcurrentLogIdSet(), 1, 0, new IpShare());
            DistinctEvents ahead = new DistinctEvents(new ConcurrentLogIdSet(), passes, 0, new IpShare());
            RowSpill spill = new RowSpill(directory, 0, passes);
            LogIdHasher hasher = new LogIdHasher();
            for (int i = 0, written = 0; written < rows; i++) {
                LogType type = i % 7 == 0 ? LogType.ERROR : LogType.ACCESS;
                // a third of the rows carry a copy of their text, not the interned instance
                String device = i % 5 == 0 ? null : i % 3 == 0 ? new String(texts[i % distinctTexts]) : texts[i % distinctTexts];
                String requestType = i % 2 == 0 ? "GET" : "POST";
                String app = texts[(i * 7) % distinctTexts];
                int status = 200 + i % 300;
                byte[] id = hasher.logId(type, i, "10.0.0." + (i % 256), device, requestType, status, null, null, app)
                        .getBytes(StandardCharsets.US_ASCII);
                int pass = DistinctEvents.passOf(ConcurrentLogIdSet.word(id, 0), passes);
                if (pass == 0) {
                    continue;
                }
                // two rows in ten twice (one without a device, one with): a duplicate its pass must take back
                for (int copy = 0; copy < (i % 10 <= 1 ? 2 : 1); copy++) {
                    spill.write(pass, type, id, 0, status, device, requestType, app);
                    ahead.countAhead(type, status, device, requestType, app);
                    direct.add(type, id, 0, status, device, requestType, app);
                }
                written++;
            }
            spill.close();

            int files = 0;
            DistinctEvents readBack = new DistinctEvents(new ConcurrentLogIdSet(), passes, 0, new IpShare());
            for (int pass = 1; pass < passes; pass++) {
                DistinctEvents read = DistinctEvents.checkingRowsCountedAhead(new ConcurrentLogIdSet(), passes, pass);
                DistinctEvents plain = new DistinctEvents(new ConcurrentLogIdSet(), passes, pass, new IpShare());
                for (Path file : spill.files(pass)) {
                    RowSpill.read(file, read);
                    RowSpill.read(file, plain); // every row's texts, not only the repeats'
                    files++;
                }
                ahead.merge(read);
                readBack.merge(plain);
            }

            assertThat(files).isLessThanOrEqualTo(rows);
            assertThat(ahead.result(DAY, 0)).isEqualTo(direct.result(DAY, 0));
            assertThat(readBack.result(DAY, 0)).isEqualTo(direct.result(DAY, 0));
        } finally {
            try (var left = Files.list(directory)) {
                left.forEach(file -> file.toFile().delete());
            }
            Files.delete(directory);
        }
    }

    @Test
    void aFileThatUsesACodeItNeverDefinedIsAnErrorNotAWrongCount() throws Exception {
        Path directory = Files.createTempDirectory("atlas-spill-test-");
        try {
            RowSpill spill = new RowSpill(directory, 0, 4);
            byte[] id = "ab".repeat(32).getBytes(StandardCharsets.US_ASCII);
            spill.write(1, LogType.ACCESS, id, 0, 200, "desktop", "GET", "web");
            spill.write(2, LogType.ACCESS, id, 0, 200, "desktop", "GET", "web");
            spill.close();
            // pass 2's file defines its own codes: read alone it counts its row
            DistinctEvents second = DistinctEvents.checkingRowsCountedAhead(new ConcurrentLogIdSet(), 4, 2);
            Path file = spill.files(2).get(0);
            RowSpill.read(file, second);

            byte[] bytes = Files.readAllBytes(file);
            // the device's definition (code 0: varint 3, length 7, "desktop") made a reference (varint 2)
            byte[] damaged = new byte[bytes.length - 8];
            System.arraycopy(bytes, 0, damaged, 0, 37);
            damaged[37] = 2;
            System.arraycopy(bytes, 37 + 9, damaged, 38, bytes.length - 37 - 9);
            Files.write(file, damaged);

            assertThatThrownBy(() -> RowSpill.read(file, DistinctEvents.checkingRowsCountedAhead(new ConcurrentLogIdSet(), 4, 2)))
                    .isInstanceOf(io.atlas.ports.engine.EngineException.class)
                    .hasMessageContaining("a text code used before it is defined");
        } finally {
            try (var left = Files.list(directory)) {
                left.forEach(file -> file.toFile().delete());
            }
            Files.delete(directory);
        }
    }

    @net.jqwik.api.Provide
    net.jqwik.api.Arbitrary<Integer> passes() {
        return net.jqwik.api.Arbitraries.of(2, 8, 64);
    }
}
