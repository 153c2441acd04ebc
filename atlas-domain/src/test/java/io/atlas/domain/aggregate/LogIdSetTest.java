package io.atlas.domain.aggregate;

import static org.assertj.core.api.Assertions.assertThat;

import io.atlas.domain.lake.LogType;
import io.atlas.domain.record.LogIdHasher;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

class LogIdSetTest {
    private static final LogIdHasher HASHER = new LogIdHasher();

    @Property(tries = 50)
    void agreesWithAHashSetOfStrings(@ForAll @Size(max = 3000) List<@IntRange(min = 0, max = 2000) Integer> events) {
        LogIdSet ids = new LogIdSet();
        Set<String> reference = new HashSet<>();
        for (int event : events) {
            String id = HASHER.logId(LogType.ACCESS, event, "ip", null, "GET", 200, null, null, "app");
            assertThat(ids.add(id)).isEqualTo(reference.add(id));
        }
        assertThat(ids.size()).isEqualTo(reference.size());
    }

    @org.junit.jupiter.api.Test
    void upperAndLowerCaseHexAreOneIdAndOtherCharactersAreRefused() {
        LogIdSet ids = new LogIdSet();
        String id = "0123456789abcdef".repeat(4);

        assertThat(ids.add(id)).isTrue();
        assertThat(ids.add(id.toUpperCase(java.util.Locale.ROOT))).isFalse();
        for (String bad : List.of("g", "G", "-", " ", "\u00e9", "/", ":", "@", "`")) {
            String invalid = id.substring(0, 40) + bad + id.substring(41);
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> ids.add(invalid))
                    .as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
