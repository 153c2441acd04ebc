package io.atlas.local.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import io.atlas.domain.catalog.Column;
import io.atlas.domain.catalog.ColumnType;
import io.atlas.domain.catalog.RowMapping;
import io.atlas.domain.catalog.TableRows;
import io.atlas.domain.record.CanonicalRecord;
import org.apache.avro.Schema;
import org.apache.parquet.avro.AvroSchemaConverter;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.Type;
import org.junit.jupiter.api.Test;

/** The Parquet schema follows the domain's table definition: a column added there appears here, by name. */
class SchemaDerivationTest {

    @Test
    void theParquetSchemaHasTheDefinitionsColumnsInOrderWithTheirTypesAndNullability() {
        MessageType parquet = new AvroSchemaConverter().convert(RowCodecs.avroSchema(TableRows.LOGS));
        assertThat(ParquetSchemas.columns(parquet)).isEqualTo(TableRows.LOGS.table().columns());
        assertThat(parquet.getType("device").getRepetition()).isEqualTo(Type.Repetition.OPTIONAL);
        assertThat(parquet.getType("log_id").getRepetition()).isEqualTo(Type.Repetition.REQUIRED);
        assertThat(ParquetSchemas.columns(new AvroSchemaConverter().convert(RowCodecs.avroSchema(TableRows.DAILY_ACTIVITY))))
                .isEqualTo(TableRows.DAILY_ACTIVITY.table().columns());
    }

    @Test
    void aColumnAddedToACopyOfTheDefinitionAppearsInTheWriteSchema() {
        RowMapping<CanonicalRecord> wider = TableRows.LOGS.withColumn(Column.of("ip_length", ColumnType.BIGINT), false,
                r -> (long) r.ipAddress().length());
        Schema avro = RowCodecs.avroSchema(wider);
        assertThat(avro.getFields()).last().extracting(Schema.Field::name).isEqualTo("ip_length");
        MessageType parquet = new AvroSchemaConverter().convert(avro);
        assertThat(ParquetSchemas.columns(parquet)).last().isEqualTo(Column.of("ip_length", ColumnType.BIGINT));
        assertThat(RowCodecs.of(wider).schema()).isEqualTo(avro);
    }
}
