package io.atlas.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.atlas.aws.glue.GlueCatalog;
import io.atlas.domain.catalog.AtlasTables;
import io.atlas.ports.ErrorCategory;
import io.atlas.ports.catalog.Catalog;
import io.atlas.ports.catalog.CatalogException;
import io.atlas.ports.catalog.CatalogPartition;
import io.atlas.ports.contract.CatalogContract;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.glue.model.BatchCreatePartitionRequest;
import software.amazon.awssdk.services.glue.model.BatchDeletePartitionRequest;
import software.amazon.awssdk.services.glue.model.CreateTableRequest;
import software.amazon.awssdk.services.glue.model.GetPartitionsRequest;

/** The Glue catalog adapter passes the catalog contract against the SDK's client interface, and sends the right shapes. */
class GlueCatalogTest extends CatalogContract {
    private InMemoryGlueClient glue;

    @Override
    protected Catalog createCatalog() {
        glue = new InMemoryGlueClient();
        return new GlueCatalog(glue, "s3://lake-bucket/prod/");
    }

    private static List<CatalogPartition> days(int count) {
        List<CatalogPartition> partitions = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            List<String> values = List.of("access", "2024", String.format("%02d", 1 + i / 28), String.format("%02d", 1 + i % 28));
            partitions.add(new CatalogPartition(values, AtlasTables.LOGS.location() + AtlasTables.LOGS.partitionPath(values)));
        }
        return partitions;
    }

    @Test
    void tablesAreExternalParquetTablesAtTheLakesS3Locations() {
        catalog.createDatabase(AtlasTables.DATABASE);
        catalog.putTable(AtlasTables.DATABASE, AtlasTables.DAILY_ACTIVITY);

        CreateTableRequest create = glue.requests.stream().filter(r -> r instanceof CreateTableRequest)
                .map(r -> (CreateTableRequest) r).findFirst().orElseThrow();
        assertThat(create.tableInput().tableType()).isEqualTo("EXTERNAL_TABLE");
        assertThat(create.tableInput().storageDescriptor().location()).isEqualTo("s3://lake-bucket/prod/analytics/daily_activity/");
        assertThat(create.tableInput().storageDescriptor().serdeInfo().serializationLibrary())
                .isEqualTo("org.apache.hadoop.hive.ql.io.parquet.serde.ParquetHiveSerDe");
        assertThat(create.tableInput().partitionKeys()).extracting(c -> c.name() + " " + c.type()).containsExactly("date date");
        assertThat(create.tableInput().storageDescriptor().columns()).extracting(c -> c.type())
                .contains("map<string,bigint>", "bigint");
        assertThat(catalog.table(AtlasTables.DATABASE, "daily_activity")).contains(AtlasTables.DAILY_ACTIVITY);
    }

    @Test
    void registersInBatchesOf100DropsInBatchesOf25AndPagesThroughPartitions() {
        catalog.createDatabase(AtlasTables.DATABASE);
        catalog.putTable(AtlasTables.DATABASE, AtlasTables.LOGS);
        List<CatalogPartition> partitions = days(250);

        catalog.addPartitions(AtlasTables.DATABASE, "logs", partitions);
        catalog.dropPartitions(AtlasTables.DATABASE, "logs", partitions.subList(0, 60).stream().map(CatalogPartition::values).toList());

        assertThat(glue.requests.stream().filter(r -> r instanceof BatchCreatePartitionRequest)
                .map(r -> ((BatchCreatePartitionRequest) r).partitionInputList().size())).containsExactly(100, 100, 50);
        assertThat(glue.requests.stream().filter(r -> r instanceof BatchDeletePartitionRequest)
                .map(r -> ((BatchDeletePartitionRequest) r).partitionsToDelete().size())).containsExactly(25, 25, 10);
        assertThat(catalog.partitions(AtlasTables.DATABASE, "logs")).hasSize(190).first()
                .isEqualTo(partitions.get(60));
        assertThat(glue.requests.stream().filter(r -> r instanceof GetPartitionsRequest).count()).isGreaterThan(60);
    }

    @Test
    void aPartitionErrorOtherThanAlreadyThereOrAlreadyGoneFailsTheCallWithItsCode() {
        catalog.createDatabase(AtlasTables.DATABASE);
        catalog.putTable(AtlasTables.DATABASE, AtlasTables.LOGS);
        glue.partitionErrorCode = "ThrottlingException";

        assertThatThrownBy(() -> catalog.addPartitions(AtlasTables.DATABASE, "logs", days(3)))
                .isInstanceOf(CatalogException.class)
                .hasMessageStartingWith("Cannot add partition [access, 2024, 01, 01] to log_analytics_db.logs: ThrottlingException")
                .satisfies(e -> assertThat(((CatalogException) e).category()).isEqualTo(ErrorCategory.TRANSIENT));
        assertThatThrownBy(() -> catalog.dropPartitions(AtlasTables.DATABASE, "logs", List.of(days(1).get(0).values())))
                .isInstanceOf(CatalogException.class).hasMessageContaining("Cannot drop partition").hasMessageContaining("ThrottlingException");
    }
}
