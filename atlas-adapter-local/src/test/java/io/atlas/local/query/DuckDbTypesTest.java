package io.atlas.local.query;

import static org.assertj.core.api.Assertions.assertThat;

import io.atlas.domain.catalog.AtlasTables;
import io.atlas.domain.catalog.Column;
import io.atlas.domain.catalog.ColumnType;
import io.atlas.domain.catalog.TableDefinition;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** DuckDB's view of a table is derived from its definition: an added column is selected and typed there too. */
class DuckDbTypesTest {

    @Test
    void aColumnAddedToACopyOfTheDefinitionIsInTheView() {
        List<Column> columns = new ArrayList<>(AtlasTables.LOGS.columns());
        columns.add(Column.of("ip_length", ColumnType.BIGINT));
        TableDefinition wider = AtlasTables.LOGS.withColumns(columns);

        assertThat(DuckDbQueryEngine.viewSql(wider, List.of())).contains("CAST(NULL AS BIGINT) AS \"ip_length\"");
        assertThat(DuckDbQueryEngine.viewSql(wider, List.of("/lake/processed/logs/part.parquet")))
                .contains("\"source_file\", \"ip_length\", \"log_type\"");
    }
}
