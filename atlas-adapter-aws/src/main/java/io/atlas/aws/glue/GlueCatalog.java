package io.atlas.aws.glue;

import static java.util.Objects.requireNonNull;

import io.atlas.domain.catalog.Column;
import io.atlas.domain.catalog.ColumnType;
import io.atlas.domain.catalog.TableDefinition;
import io.atlas.ports.ErrorCategory;
import io.atlas.ports.catalog.Catalog;
import io.atlas.ports.catalog.CatalogException;
import io.atlas.ports.catalog.CatalogPartition;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.glue.model.AlreadyExistsException;
import software.amazon.awssdk.services.glue.model.BatchUpdatePartitionFailureEntry;
import software.amazon.awssdk.services.glue.model.BatchUpdatePartitionRequestEntry;
import software.amazon.awssdk.services.glue.model.EntityNotFoundException;
import software.amazon.awssdk.services.glue.model.ErrorDetail;
import software.amazon.awssdk.services.glue.model.Partition;
import software.amazon.awssdk.services.glue.model.PartitionError;
import software.amazon.awssdk.services.glue.model.PartitionInput;
import software.amazon.awssdk.services.glue.model.PartitionValueList;
import software.amazon.awssdk.services.glue.model.SerDeInfo;
import software.amazon.awssdk.services.glue.model.StorageDescriptor;
import software.amazon.awssdk.services.glue.model.Table;
import software.amazon.awssdk.services.glue.model.TableInput;

/**
 * The catalog port on the AWS Glue Data Catalog, so Athena sees the tables: external Parquet tables at the lake's
 * S3 locations, partition keys typed as Atlas declares them. Partitions are registered in batches of
 * {@value #CREATE_BATCH} ({@code BatchCreatePartition}, replacing existing ones with {@code BatchUpdatePartition}),
 * dropped in batches of {@value #DELETE_BATCH} ({@code BatchDeletePartition}) and listed with the paginated
 * {@code GetPartitions}. The batch calls answer per partition in their {@code Errors} lists, which are read: on a
 * rerun an existing partition ({@code AlreadyExistsException}) is replaced, a partition already dropped
 * ({@code EntityNotFoundException}) counts as dropped, any other error fails the call with its code (throttling and
 * service errors as transient). Locations in the catalog are absolute ({@code s3://bucket/prefix/...}); this port speaks
 * lake-relative ones.
 */
public final class GlueCatalog implements Catalog {
    static final int CREATE_BATCH = 100;
    static final int DELETE_BATCH = 25;
    static final String ALREADY_EXISTS = "AlreadyExistsException";
    static final String NOT_FOUND = "EntityNotFoundException";
    static final Set<String> TRANSIENT_CODES = Set.of("ThrottlingException", "InternalServiceException",
            "OperationTimeoutException", "ResourceNotReadyException", "ConcurrentModificationException");
    static final String PARQUET_INPUT = "org.apache.hadoop.hive.ql.io.parquet.MapredParquetInputFormat";
    static final String PARQUET_OUTPUT = "org.apache.hadoop.hive.ql.io.parquet.MapredParquetOutputFormat";
    static final String PARQUET_SERDE = "org.apache.hadoop.hive.ql.io.parquet.serde.ParquetHiveSerDe";

    private final GlueClient glue;
    private final String lakeRoot;

    /** @param lakeRoot the lake's root URI, {@code s3://bucket/prefix/} */
    public GlueCatalog(GlueClient glue, String lakeRoot) {
        this.glue = requireNonNull(glue, "glue is null");
        this.lakeRoot = lakeRoot.endsWith("/") ? lakeRoot : lakeRoot + "/";
    }

    @Override
    public void createDatabase(String database) {
        try {
            glue.createDatabase(b -> b.databaseInput(d -> d.name(database).description("Atlas log analytics")));
        } catch (AlreadyExistsException e) {
            // already there: nothing to do
        } catch (SdkException e) {
            throw failure("create database " + database, e);
        }
    }

    @Override
    public List<String> databases() {
        try {
            List<String> names = new ArrayList<>();
            glue.getDatabasesPaginator(b -> {}).forEach(page -> page.databaseList().forEach(d -> names.add(d.name())));
            return names;
        } catch (SdkException e) {
            throw failure("list databases", e);
        }
    }

    @Override
    public Optional<TableDefinition> table(String database, String table) {
        try {
            Table found = glue.getTable(b -> b.databaseName(database).name(table)).table();
            return Optional.of(new TableDefinition(found.name(), relative(found.storageDescriptor().location()),
                    columns(found.storageDescriptor().columns()), columns(found.partitionKeys())));
        } catch (EntityNotFoundException e) {
            return Optional.empty();
        } catch (SdkException e) {
            throw failure("read table " + database + "." + table, e);
        }
    }

    @Override
    public void putTable(String database, TableDefinition table) {
        TableInput input = TableInput.builder()
                .name(table.name())
                .tableType("EXTERNAL_TABLE")
                .parameters(Map.of("classification", "parquet", "EXTERNAL", "TRUE", "atlas.managed", "true"))
                .partitionKeys(glueColumns(table.partitionKeys()))
                .storageDescriptor(storage(table.columns(), lakeRoot + table.location()))
                .build();
        try {
            if (table(database, table.name()).isPresent()) {
                glue.updateTable(b -> b.databaseName(database).tableInput(input));
            } else {
                try {
                    glue.createTable(b -> b.databaseName(database).tableInput(input));
                } catch (AlreadyExistsException createdMeanwhile) {
                    glue.updateTable(b -> b.databaseName(database).tableInput(input));
                }
            }
        } catch (EntityNotFoundException e) {
            throw new CatalogException(ErrorCategory.USER_ERROR, "Cannot use database " + database + ": it does not exist", e);
        } catch (SdkException e) {
            throw failure("write table " + database + "." + table.name(), e);
        }
    }

    @Override
    public List<CatalogPartition> partitions(String database, String table) {
        TableDefinition definition = table(database, table).orElseThrow(() -> new CatalogException(ErrorCategory.USER_ERROR,
                "Cannot list partitions of " + database + "." + table + ": no such table"));
        try {
            List<CatalogPartition> partitions = new ArrayList<>();
            glue.getPartitionsPaginator(b -> b.databaseName(database).tableName(table)).forEach(page -> {
                for (Partition partition : page.partitions()) {
                    partitions.add(new CatalogPartition(partition.values(), relative(partition.storageDescriptor().location())));
                }
            });
            partitions.sort(Comparator.comparing(p -> String.join("\u0000", p.values())));
            return partitions;
        } catch (SdkException e) {
            throw failure("list partitions of " + database + "." + definition.name(), e);
        }
    }

    @Override
    public void addPartitions(String database, String table, List<CatalogPartition> partitions) {
        TableDefinition definition = table(database, table).orElseThrow(() -> new CatalogException(ErrorCategory.USER_ERROR,
                "Cannot add partitions to " + database + "." + table + ": no such table"));
        for (int from = 0; from < partitions.size(); from += CREATE_BATCH) {
            List<PartitionInput> batch = partitions.subList(from, Math.min(partitions.size(), from + CREATE_BATCH)).stream()
                    .map(p -> PartitionInput.builder().values(p.values())
                            .storageDescriptor(storage(definition.columns(), lakeRoot + p.location())).build())
                    .toList();
            try {
                List<PartitionError> errors = glue.batchCreatePartition(b -> b.databaseName(database).tableName(table)
                        .partitionInputList(batch)).errors();
                List<BatchUpdatePartitionRequestEntry> updates = new ArrayList<>();
                for (PartitionError error : errors) {
                    if (!ALREADY_EXISTS.equals(code(error.errorDetail()))) {
                        throw partitionFailure("add partition " + error.partitionValues() + " to " + database + "." + table,
                                error.errorDetail());
                    }
                    batch.stream().filter(p -> p.values().equals(error.partitionValues())).findFirst()
                            .ifPresent(p -> updates.add(BatchUpdatePartitionRequestEntry.builder()
                                    .partitionValueList(p.values()).partitionInput(p).build()));
                }
                if (!updates.isEmpty()) {
                    for (BatchUpdatePartitionFailureEntry failure : glue.batchUpdatePartition(b -> b.databaseName(database)
                            .tableName(table).entries(updates)).errors()) {
                        throw partitionFailure("replace partition " + failure.partitionValueList() + " of " + database + "."
                                + table, failure.errorDetail());
                    }
                }
            } catch (EntityNotFoundException e) {
                throw new CatalogException(ErrorCategory.USER_ERROR, "Cannot add partitions to " + database + "." + table
                        + ": no such table", e);
            } catch (SdkException e) {
                throw failure("add partitions to " + database + "." + table, e);
            }
        }
    }

    @Override
    public void dropPartitions(String database, String table, List<List<String>> values) {
        for (int from = 0; from < values.size(); from += DELETE_BATCH) {
            List<PartitionValueList> batch = values.subList(from, Math.min(values.size(), from + DELETE_BATCH)).stream()
                    .map(v -> PartitionValueList.builder().values(v).build()).toList();
            try {
                for (PartitionError error : glue.batchDeletePartition(b -> b.databaseName(database).tableName(table)
                        .partitionsToDelete(batch)).errors()) {
                    // a partition already gone (a rerun, or another crawl dropped it) is what was asked for
                    if (!NOT_FOUND.equals(code(error.errorDetail()))) {
                        throw partitionFailure("drop partition " + error.partitionValues() + " of " + database + "." + table,
                                error.errorDetail());
                    }
                }
            } catch (EntityNotFoundException e) {
                throw new CatalogException(ErrorCategory.USER_ERROR, "Cannot drop partitions of " + database + "." + table
                        + ": no such table", e);
            } catch (SdkException e) {
                throw failure("drop partitions of " + database + "." + table, e);
            }
        }
    }

    private StorageDescriptor storage(List<Column> columns, String location) {
        return StorageDescriptor.builder()
                .columns(glueColumns(columns))
                .location(location)
                .inputFormat(PARQUET_INPUT)
                .outputFormat(PARQUET_OUTPUT)
                .serdeInfo(SerDeInfo.builder().serializationLibrary(PARQUET_SERDE).parameters(Map.of("serialization.format", "1")).build())
                .build();
    }

    private static List<software.amazon.awssdk.services.glue.model.Column> glueColumns(List<Column> columns) {
        return columns.stream().map(c -> software.amazon.awssdk.services.glue.model.Column.builder()
                .name(c.name()).type(c.type().hiveName()).build()).toList();
    }

    private static List<Column> columns(List<software.amazon.awssdk.services.glue.model.Column> columns) {
        return columns.stream().map(c -> Column.of(c.name(), ColumnType.fromHiveName(c.type()).orElseThrow(() ->
                new CatalogException(ErrorCategory.INTERNAL, "Cannot read column " + c.name() + ": unknown type " + c.type()))))
                .toList();
    }

    private String relative(String location) {
        String normalized = location.endsWith("/") ? location : location + "/";
        return normalized.startsWith(lakeRoot) ? normalized.substring(lakeRoot.length()) : normalized;
    }

    private static String code(ErrorDetail detail) {
        return detail == null || detail.errorCode() == null ? "" : detail.errorCode();
    }

    /** A per-partition error of a batch call: throttling and service errors can pass on a retry, the rest cannot. */
    private static CatalogException partitionFailure(String what, ErrorDetail detail) {
        String code = code(detail);
        ErrorCategory category = TRANSIENT_CODES.contains(code) ? ErrorCategory.TRANSIENT
                : code.equals(NOT_FOUND) || code.equals("InvalidInputException") ? ErrorCategory.USER_ERROR : ErrorCategory.INTERNAL;
        return new CatalogException(category, "Cannot " + what + ": " + (code.isEmpty() ? "unknown error"
                : code + " " + detail.errorMessage()));
    }

    private static CatalogException failure(String what, SdkException e) {
        return new CatalogException(e.retryable() ? ErrorCategory.TRANSIENT : ErrorCategory.INTERNAL,
                "Cannot " + what + ": " + e.getMessage(), e);
    }
}
