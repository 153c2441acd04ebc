package io.atlas.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** The local aggregate's memory budget is a setting like any other: file, environment, Glue arguments. */
class AggregateMemorySettingsTest {
    @Test
    void theBudgetDefaultsToAQuarterOfTheHeapAndIsReadFromEverySource() {
        assertThat(AtlasSettings.defaults("/lake").aggregateMemoryBytes()).isEqualTo(Runtime.getRuntime().maxMemory() / 4);
        assertThat(SettingsSources.KEYS).contains("atlas.aggregate.memory-bytes");

        Properties file = new Properties();
        file.setProperty("atlas.aggregate.memory-bytes", "67108864");
        Properties lambda = SettingsSources.fromEnvironment(Map.of("ATLAS_AGGREGATE_MEMORY_BYTES", "33554432"));
        assertThat(AtlasSettings.from("/lake", file).aggregateMemoryBytes()).isEqualTo(64L << 20);
        assertThat(AtlasSettings.from("/lake", lambda).aggregateMemoryBytes()).isEqualTo(32L << 20);
        assertThat(AtlasSettings.from("/lake", file).withThreads(3).aggregateMemoryBytes()).isEqualTo(64L << 20);
    }

    @Test
    void aBudgetUnderEightMebibytesOrOverTheHeapIsRefusedInOneLine() {
        Properties small = new Properties();
        small.setProperty("atlas.aggregate.memory-bytes", "1000");
        assertThatThrownBy(() -> AtlasSettings.from("/lake", small))
                .hasMessage("atlas.aggregate.memory-bytes must be at least 8388608, got 1000");
        Properties large = new Properties();
        long heap = Runtime.getRuntime().maxMemory();
        large.setProperty("atlas.aggregate.memory-bytes", Long.toString(heap + 1));
        assertThatThrownBy(() -> AtlasSettings.from("/lake", large))
                .hasMessage("atlas.aggregate.memory-bytes " + (heap + 1) + " is more than this JVM's heap (" + heap
                        + " bytes): lower it or raise -Xmx");
    }
}
