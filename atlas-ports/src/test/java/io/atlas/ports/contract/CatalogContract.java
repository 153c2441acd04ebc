package io.atlas.ports.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.atlas.domain.catalog.AtlasTables;
import io.atlas.domain.catalog.Column;
import io.atlas.domain.catalog.ColumnType;
import io.atlas.domain.catalog.TableDefinition;
import io.atlas.ports.catalog.Catalog;
import io.atlas.ports.catalog.CatalogException;
import io.atlas.ports.catalog.CatalogPartition;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The behaviour every {@link Catalog} must have. */
public abstract class CatalogContract {
    private static final String DB = AtlasTables.DATABASE;
    protected Catalog catalog;

    protected abstract Catalog createCatalog() throws Exception;

    @BeforeEach
    void setUpCatalog() throws Exception {
        catalog = createCatalog();
    }

    private static CatalogPartition logs(String type, String day) {
        List<String> values = List.of(type, "2024", "11", day);
        return new CatalogPartition(values, AtlasTables.LOGS.location() + AtlasTables.LOGS.partitionPath(values));
    }

    @Test
    void createsTheDatabaseOnce() {
        catalog.createDatabase(DB);
        catalog.createDatabase(DB);

        assertThat(catalog.databases()).containsExactly(DB);
    }

    @Test
    void storesTablesWithTheirDeclaredSchema() {
        catalog.createDatabase(DB);
        AtlasTables.ALL.forEach(t -> catalog.putTable(DB, t));

        assertThat(catalog.table(DB, "logs")).contains(AtlasTables.LOGS);
        assertThat(catalog.table(DB, "daily_activity")).contains(AtlasTables.DAILY_ACTIVITY);
        assertThat(catalog.table(DB, "data_quality_rejects")).contains(AtlasTables.DATA_QUALITY_REJECTS);
        assertThat(catalog.table(DB, "nope")).isEmpty();
        assertThat(catalog.table("other_db", "logs")).isEmpty();
    }

    @Test
    void replacingATableDefinitionKeepsItsPartitions() {
        catalog.createDatabase(DB);
        catalog.putTable(DB, AtlasTables.LOGS);
        catalog.addPartitions(DB, "logs", List.of(logs("access", "29")));
        List<Column> evolved = new ArrayList<>(AtlasTables.LOGS.columns());
        evolved.add(Column.of("trace_id", ColumnType.STRING));
        TableDefinition newer = AtlasTables.LOGS.withColumns(evolved);

        catalog.putTable(DB, newer);

        assertThat(catalog.table(DB, "logs")).contains(newer);
        assertThat(catalog.partitions(DB, "logs")).containsExactly(logs("access", "29"));
    }

    @Test
    void registersReplacesAndDropsPartitions() {
        catalog.createDatabase(DB);
        catalog.putTable(DB, AtlasTables.LOGS);

        catalog.addPartitions(DB, "logs", List.of(logs("error", "29"), logs("access", "30"), logs("access", "29")));
        catalog.addPartitions(DB, "logs", List.of(logs("access", "29")));
        assertThat(catalog.partitions(DB, "logs")).containsExactly(logs("access", "29"), logs("access", "30"), logs("error", "29"));

        catalog.dropPartitions(DB, "logs", List.of(List.of("access", "2024", "11", "30"), List.of("access", "1999", "01", "01")));
        assertThat(catalog.partitions(DB, "logs")).containsExactly(logs("access", "29"), logs("error", "29"));
    }

    @Test
    void refusesPartitionsOfAnUnknownTable() {
        catalog.createDatabase(DB);

        assertThatThrownBy(() -> catalog.partitions(DB, "logs")).isInstanceOf(CatalogException.class)
                .hasMessageContaining("logs");
        assertThatThrownBy(() -> catalog.putTable("no_db", AtlasTables.LOGS)).isInstanceOf(CatalogException.class)
                .hasMessageContaining("no_db");
    }
}
