package io.atlas.ports.inprocess;

import static org.assertj.core.api.Assertions.assertThat;

import io.atlas.domain.aggregate.ConcurrentLogIdSet;
import io.atlas.domain.aggregate.DistinctEvents;
import io.atlas.domain.aggregate.IpShare;
import io.atlas.domain.lake.LogType;
import io.atlas.domain.record.LogIdHasher;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** Rows set aside for a later pass come back as they were written. */
class RowSpillTest {
    private static final LocalDate DAY = LocalDate.of(2024, 11, 29);

    /**
     * Texts repeat as one instance, as equal copies and as nulls, ids as duplicates: the later pass counts the same
     * row as adding the rows directly would.
     */
    @Property(tries = 30)
    void aLaterPassReadsTheRowsItWasGiven(@ForAll @IntRange(min = 0, max = 3_000) int rows,
            @ForAll @IntRange(min = 1, max = 1_500) int distinctTexts, @ForAll("passes") int passes) throws Exception {
        Path directory = Files.createTempDirectory("atlas-spill-test-");
        try {
            String[] texts = new String[distinctTexts];
            for (int i = 0; i < distinctTexts; i++) {
                texts[i] = ("agent/" + i + " \u00e9").intern();
            }
            int pass = passes - 1;
            DistinctEvents direct = new DistinctEvents(new ConcurrentLogIdSet(), passes, pass, new IpShare());
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
                if (DistinctEvents.passOf(ConcurrentLogIdSet.word(id, 0), passes) != pass) {
                    continue;
                }
                // every tenth row twice: a duplicate the pass must count once
                for (int copy = 0; copy < (i % 10 == 0 ? 2 : 1); copy++) {
                    spill.write(pass, type, id, 0, status, device, requestType, app);
                    direct.add(type, id, 0, status, device, requestType, app);
                }
                written++;
            }
            spill.close();

            DistinctEvents read = new DistinctEvents(new ConcurrentLogIdSet(), passes, pass, new IpShare());
            List<Path> files = spill.files(pass);
            assertThat(files).hasSize(rows == 0 ? 0 : 1);
            files.forEach(file -> RowSpill.read(file, read));

            assertThat(read.result(DAY, 0)).isEqualTo(direct.result(DAY, 0));
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
