package io.atlas.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.atlas.aws.glue.GlueCatalog;
import io.atlas.aws.testing.MotoServer;
import io.atlas.domain.catalog.AtlasTables;
import io.atlas.ports.ErrorCategory;
import io.atlas.ports.catalog.Catalog;
import io.atlas.ports.catalog.CatalogException;
import io.atlas.ports.catalog.CatalogPartition;
import io.atlas.ports.contract.CatalogContract;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.glue.GlueClient;

/**
 * The Glue catalog adapter against moto's Glue Data Catalog: the catalog contract, and the real service's batch answers
 * (per-partition {@code Errors} lists) on reruns. moto answers GetPartitions in one page whatever its size, so paging
 * beyond a page is shown by {@link GlueCatalogTest} (the in-memory client pages by three).
 */
class GlueCatalogOnMotoTest extends CatalogContract {
    @RegisterExtension
    static final MotoServer MOTO = MotoServer.shared();
    private GlueClient glue;

    @Override
    protected Catalog createCatalog() {
        MOTO.post("/moto-api/reset", "");
        glue = MOTO.client(GlueClient.builder());
        return new GlueCatalog(glue, "s3://lake-bucket/prod/");
    }

    private static List<CatalogPartition> days(int count, String root) {
        List<CatalogPartition> partitions = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            List<String> values = List.of("access", "2024", String.format("%02d", 1 + i / 28), String.format("%02d", 1 + i % 28));
            partitions.add(new CatalogPartition(values, root + AtlasTables.LOGS.partitionPath(values)));
        }
        return partitions;
    }

    private void logsTable() {
        catalog.createDatabase(AtlasTables.DATABASE);
        catalog.putTable(AtlasTables.DATABASE, AtlasTables.LOGS);
    }

    @Test
    void registersTwoHundredFiftyPartitionsInBatchesAndListsThemAll() {
        logsTable();
        List<CatalogPartition> partitions = days(250, AtlasTables.LOGS.location());

        catalog.addPartitions(AtlasTables.DATABASE, "logs", partitions);

        assertThat(catalog.partitions(AtlasTables.DATABASE, "logs")).hasSize(250).containsAll(partitions);
        assertThat(glue.getPartitions(b -> b.databaseName(AtlasTables.DATABASE).tableName("logs")).partitions().get(0)
                .storageDescriptor().location()).startsWith("s3://lake-bucket/prod/processed/logs/");
    }

    @Test
    void aRerunThatFindsItsPartitionsAlreadyThereReplacesThemAndSucceeds() {
        logsTable();
        catalog.addPartitions(AtlasTables.DATABASE, "logs", days(30, AtlasTables.LOGS.location()));
        List<CatalogPartition> moved = days(30, "moved/logs/");

        catalog.addPartitions(AtlasTables.DATABASE, "logs", moved);

        assertThat(catalog.partitions(AtlasTables.DATABASE, "logs")).containsExactlyInAnyOrderElementsOf(moved);
    }

    @Test
    void droppingPartitionsThatAreAlreadyGoneSucceeds() {
        logsTable();
        List<CatalogPartition> partitions = days(40, AtlasTables.LOGS.location());
        catalog.addPartitions(AtlasTables.DATABASE, "logs", partitions.subList(0, 10));
        List<List<String>> all = partitions.stream().map(CatalogPartition::values).toList();

        catalog.dropPartitions(AtlasTables.DATABASE, "logs", all);
        catalog.dropPartitions(AtlasTables.DATABASE, "logs", all);

        assertThat(catalog.partitions(AtlasTables.DATABASE, "logs")).isEmpty();
    }

    @Test
    void partitionsOfATableThatDoesNotExistAreAUserError() {
        catalog.createDatabase(AtlasTables.DATABASE);

        assertThatThrownBy(() -> catalog.addPartitions(AtlasTables.DATABASE, "logs", days(1, AtlasTables.LOGS.location())))
                .isInstanceOf(CatalogException.class).hasMessageContaining("Cannot add partitions to log_analytics_db.logs")
                .satisfies(e -> assertThat(((CatalogException) e).category()).isEqualTo(ErrorCategory.USER_ERROR));
        assertThatThrownBy(() -> catalog.dropPartitions(AtlasTables.DATABASE, "logs", List.of(List.of("access", "2024", "11", "29"))))
                .isInstanceOf(CatalogException.class).hasMessageContaining("no such table");
    }
}
