package io.atlas.domain.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SchemaCompatibilityTest {
    private final TableDefinition logs = AtlasTables.LOGS;

    @Test
    void theSameSchemaAndAppendedColumnsAreCompatible() {
        assertThat(SchemaCompatibility.check(logs, logs)).isInstanceOf(SchemaCompatibility.Verdict.Same.class);
        List<Column> more = new ArrayList<>(logs.columns());
        more.add(Column.of("trace_id", ColumnType.STRING));
        assertThat(SchemaCompatibility.check(logs, logs.withColumns(more)))
                .isEqualTo(new SchemaCompatibility.Verdict.Additive(List.of(Column.of("trace_id", ColumnType.STRING))));
    }

    @Test
    void retypedDroppedOrReorderedColumnsAreRefused() {
        List<Column> retyped = new ArrayList<>(logs.columns());
        retyped.set(5, Column.of("status_code", ColumnType.STRING));
        List<Column> dropped = new ArrayList<>(logs.columns().subList(0, 3));

        assertThat(SchemaCompatibility.check(logs, logs.withColumns(retyped)))
                .isEqualTo(new SchemaCompatibility.Verdict.Incompatible("column status_code is int, found string"));
        assertThat(SchemaCompatibility.check(logs, logs.withColumns(dropped)))
                .isInstanceOf(SchemaCompatibility.Verdict.Incompatible.class);
    }

    @Test
    void partitionPathsRoundTrip() {
        assertThat(logs.partitionPath(List.of("access", "2024", "11", "29")))
                .isEqualTo("log_type=access/year=2024/month=11/day=29/");
        assertThat(logs.partitionValuesOf("processed/logs/log_type=access/year=2024/month=11/day=29/part-0.parquet"))
                .contains(List.of("access", "2024", "11", "29"));
        assertThat(logs.partitionValuesOf("processed/logs/log_type=access/year=2024/part-0.parquet")).isEmpty();
        assertThat(AtlasTables.DAILY_ACTIVITY.partitionValuesOf("analytics/daily_activity/date=2024-11-29/part-0.parquet"))
                .contains(List.of("2024-11-29"));
    }
}
