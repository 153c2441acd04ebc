package io.atlas.spark;

import static org.assertj.core.api.Assertions.assertThat;

import io.atlas.domain.catalog.Column;
import io.atlas.domain.catalog.ColumnType;
import io.atlas.domain.catalog.RowMapping;
import io.atlas.domain.catalog.TableRows;
import io.atlas.domain.record.CanonicalRecord;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.junit.jupiter.api.Test;

/** Spark's schemas follow the domain's table definitions, by name and type. */
class SparkRowsTest {

    @Test
    void theSparkSchemasHaveTheDefinitionsColumns() {
        assertThat(SparkRows.LOGS.fieldNames()).containsExactlyElementsOf(
                TableRows.LOGS.table().columns().stream().map(Column::name).toList());
        for (StructField field : SparkRows.DAILY_ACTIVITY.fields()) {
            assertThat(SparkPartitionSource.type(field))
                    .isEqualTo(TableRows.DAILY_ACTIVITY.table().column(field.name()).orElseThrow().type());
        }
    }

    @Test
    void aColumnAddedToACopyOfTheDefinitionAppearsInTheStructType() {
        RowMapping<CanonicalRecord> wider = TableRows.LOGS.withColumn(Column.of("ip_length", ColumnType.BIGINT), false,
                r -> (long) r.ipAddress().length());
        StructField last = SparkRows.structType(wider).fields()[SparkRows.structType(wider).fields().length - 1];
        assertThat(last.name()).isEqualTo("ip_length");
        assertThat(last.dataType()).isEqualTo(DataTypes.LongType);
    }
}
