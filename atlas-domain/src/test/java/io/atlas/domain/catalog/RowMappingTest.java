package io.atlas.domain.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.atlas.domain.aggregate.DailyActivity;
import io.atlas.domain.lake.LogFormat;
import io.atlas.domain.lake.LogType;
import io.atlas.domain.normalize.RejectRow;
import io.atlas.domain.record.CanonicalRecord;
import io.atlas.domain.record.RejectReason;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class RowMappingTest {
    private static final CanonicalRecord ROW = new CanonicalRecord("ab".repeat(32), Instant.parse("2024-11-29T10:00:00Z"),
            "10.0.0.1", null, "GET", 404, "/x", null, "web_app_1", LogType.ACCESS, LogFormat.NDJSON,
            "validated/ndjson/year=2024/month=11/day=29/a.ndjson");

    @Test
    void everyTableHasAMappingOfExactlyItsColumns() {
        assertThat(TableRows.LOGS.table()).isEqualTo(AtlasTables.LOGS);
        assertThat(TableRows.REJECTS.table()).isEqualTo(AtlasTables.DATA_QUALITY_REJECTS);
        assertThat(TableRows.DAILY_ACTIVITY.table()).isEqualTo(AtlasTables.DAILY_ACTIVITY);
        assertThat(TableRows.LOGS.valuesInColumnOrder()).hasSameSizeAs(AtlasTables.LOGS.columns());
    }

    @Test
    void aMappingThatMissesOrInventsAColumnIsRefused() {
        TableDefinition table = new TableDefinition("t", "t/", List.of(Column.of("a", ColumnType.STRING)), List.of());
        assertThatThrownBy(() -> new RowMapping<String>(table, Map.of("b", s -> s), Set.of(), (v, p) -> ""))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("[a]").hasMessageContaining("[b]");
    }

    @Test
    void rowsRoundTripThroughTheirColumnValuesByName() {
        assertThat(roundTrip(TableRows.LOGS, ROW, List.of("access", "2024", "11", "29"))).isEqualTo(ROW);
        RejectRow reject = new RejectRow(LocalDate.of(2024, 11, 29), "f", LogFormat.XML_ERRORS, 3,
                RejectReason.INVALID_STATUS, "status 999", "<error/>");
        assertThat(roundTrip(TableRows.REJECTS, reject, List.of("2024", "11", "29"))).isEqualTo(reject);
        DailyActivity gold = new DailyActivity(LocalDate.of(2024, 11, 29), 5, 1, 2, 1, 3, new TreeMap<>(Map.of("m", 2L)),
                new TreeMap<>(Map.of("GET", 5L)), new TreeMap<>(Map.of("a", 6L)), new TreeMap<>(Map.of("500", 1L)), 1, 0);
        assertThat(roundTrip(TableRows.DAILY_ACTIVITY, gold, List.of("2024-11-29"))).isEqualTo(gold);
    }

    @Test
    void anAddedColumnIsMappedByNameAfterTheOthers() {
        RowMapping<CanonicalRecord> wider = TableRows.LOGS.withColumn(Column.of("ip_length", ColumnType.INT), true,
                r -> r.ipAddress().length());
        assertThat(wider.table().columns()).last().isEqualTo(Column.of("ip_length", ColumnType.INT));
        assertThat(wider.value(ROW, "ip_length")).isEqualTo(8);
        assertThat(wider.nullable(Column.of("ip_length", ColumnType.INT))).isTrue();
        assertThat(wider.nullable(Column.of("log_id", ColumnType.STRING))).isFalse();
    }

    private static <R> R roundTrip(RowMapping<R> mapping, R row, List<String> partition) {
        return mapping.row(column -> mapping.value(row, column), partition);
    }
}
