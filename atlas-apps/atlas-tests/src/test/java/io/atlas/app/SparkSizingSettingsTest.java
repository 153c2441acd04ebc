package io.atlas.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** The Spark engine's task and file sizes are settings like any other: file, environment, Glue arguments. */
class SparkSizingSettingsTest {
    @Test
    void theSparkSizesDefaultToSparksOwnAndAreReadFromEverySource() {
        AtlasSettings defaults = AtlasSettings.defaults("/lake");
        assertThat(defaults.sparkTargetSplitBytes()).isEqualTo(128L * 1024 * 1024);
        assertThat(defaults.sparkTargetFileBytes()).isEqualTo(256L * 1024 * 1024);
        assertThat(SettingsSources.KEYS).contains("atlas.spark.target-split-bytes", "atlas.spark.target-file-bytes");

        Properties glue = SettingsSources.fromArguments(Map.of("atlas.spark.target-split-bytes", "1048576"));
        Properties lambda = SettingsSources.fromEnvironment(Map.of("ATLAS_SPARK_TARGET_FILE_BYTES", "2097152"));
        assertThat(AtlasSettings.from("/lake", glue).sparkTargetSplitBytes()).isEqualTo(1_048_576L);
        assertThat(AtlasSettings.from("/lake", lambda).sparkTargetFileBytes()).isEqualTo(2_097_152L);
        assertThat(AtlasSettings.from("/lake", glue).withThreads(3).sparkTargetSplitBytes()).isEqualTo(1_048_576L);
    }

    @Test
    void aSizeBelowOneByteIsRefused() {
        Properties properties = new Properties();
        properties.setProperty("atlas.spark.target-split-bytes", "0");
        assertThatThrownBy(() -> AtlasSettings.from("/lake", properties)).hasMessageContaining("atlas.spark.target-split-bytes");
    }
}
