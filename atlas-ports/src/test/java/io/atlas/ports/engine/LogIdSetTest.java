package io.atlas.ports.engine;

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
}
