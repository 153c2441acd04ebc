package io.atlas.aws;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.glue.model.AlreadyExistsException;
import software.amazon.awssdk.services.glue.model.BatchCreatePartitionRequest;
import software.amazon.awssdk.services.glue.model.BatchCreatePartitionResponse;
import software.amazon.awssdk.services.glue.model.BatchDeletePartitionRequest;
import software.amazon.awssdk.services.glue.model.BatchDeletePartitionResponse;
import software.amazon.awssdk.services.glue.model.BatchUpdatePartitionRequest;
import software.amazon.awssdk.services.glue.model.BatchUpdatePartitionResponse;
import software.amazon.awssdk.services.glue.model.CreateDatabaseRequest;
import software.amazon.awssdk.services.glue.model.CreateDatabaseResponse;
import software.amazon.awssdk.services.glue.model.CreateTableRequest;
import software.amazon.awssdk.services.glue.model.CreateTableResponse;
import software.amazon.awssdk.services.glue.model.Database;
import software.amazon.awssdk.services.glue.model.EntityNotFoundException;
import software.amazon.awssdk.services.glue.model.ErrorDetail;
import software.amazon.awssdk.services.glue.model.GetDatabasesRequest;
import software.amazon.awssdk.services.glue.model.GetDatabasesResponse;
import software.amazon.awssdk.services.glue.model.GetPartitionsRequest;
import software.amazon.awssdk.services.glue.model.GetPartitionsResponse;
import software.amazon.awssdk.services.glue.model.GetTableRequest;
import software.amazon.awssdk.services.glue.model.GetTableResponse;
import software.amazon.awssdk.services.glue.model.Partition;
import software.amazon.awssdk.services.glue.model.PartitionError;
import software.amazon.awssdk.services.glue.model.PartitionInput;
import software.amazon.awssdk.services.glue.model.Table;
import software.amazon.awssdk.services.glue.model.TableInput;
import software.amazon.awssdk.services.glue.model.UpdateTableRequest;
import software.amazon.awssdk.services.glue.model.UpdateTableResponse;

/**
 * A Glue Data Catalog in memory behind the SDK's own client interface, answering with the response shapes the
 * service documents (errors as the service's exception types, paginated GetPartitions with NextToken, partition
 * errors in batch responses, injectable with {@link #partitionErrorCode}), and recording every request; the
 * same contract also runs against moto's Glue ({@code GlueCatalogOnMotoTest}).
 */
public final class InMemoryGlueClient implements GlueClient {
    static final int PAGE = 3;

    private final Map<String, Map<String, TableInput>> tables = new TreeMap<>();
    private final Map<String, Map<String, PartitionInput>> partitions = new TreeMap<>();
    public final List<Object> requests = new ArrayList<>();
    /** When set, every partition of a BatchCreate/BatchDeletePartition call comes back in Errors with this code. */
    public volatile String partitionErrorCode;

    @Override
    public String serviceName() {
        return "glue";
    }

    @Override
    public void close() {}

    private static EntityNotFoundException notFound(String what) {
        return (EntityNotFoundException) EntityNotFoundException.builder().message(what + " not found")
                .awsErrorDetails(AwsErrorDetails.builder().errorCode("EntityNotFoundException").build()).statusCode(400).build();
    }

    @Override
    public synchronized CreateDatabaseResponse createDatabase(CreateDatabaseRequest request) {
        requests.add(request);
        String name = request.databaseInput().name();
        if (tables.containsKey(name)) {
            throw (AlreadyExistsException) AlreadyExistsException.builder().message("Database already exists").statusCode(400).build();
        }
        tables.put(name, new TreeMap<>());
        return CreateDatabaseResponse.builder().build();
    }

    @Override
    public synchronized GetDatabasesResponse getDatabases(GetDatabasesRequest request) {
        requests.add(request);
        return GetDatabasesResponse.builder().databaseList(tables.keySet().stream().map(n -> Database.builder().name(n).build()).toList()).build();
    }

    private Map<String, TableInput> database(String name) {
        Map<String, TableInput> db = tables.get(name);
        if (db == null) {
            throw notFound("Database " + name);
        }
        return db;
    }

    @Override
    public synchronized GetTableResponse getTable(GetTableRequest request) {
        requests.add(request);
        TableInput input = database(request.databaseName()).get(request.name());
        if (input == null) {
            throw notFound("Table " + request.name());
        }
        return GetTableResponse.builder().table(Table.builder().name(input.name()).databaseName(request.databaseName())
                .tableType(input.tableType()).parameters(input.parameters()).partitionKeys(input.partitionKeys())
                .storageDescriptor(input.storageDescriptor()).build()).build();
    }

    @Override
    public synchronized CreateTableResponse createTable(CreateTableRequest request) {
        requests.add(request);
        Map<String, TableInput> db = database(request.databaseName());
        if (db.containsKey(request.tableInput().name())) {
            throw (AlreadyExistsException) AlreadyExistsException.builder().message("Table already exists").statusCode(400).build();
        }
        db.put(request.tableInput().name(), request.tableInput());
        return CreateTableResponse.builder().build();
    }

    @Override
    public synchronized UpdateTableResponse updateTable(UpdateTableRequest request) {
        requests.add(request);
        Map<String, TableInput> db = database(request.databaseName());
        if (!db.containsKey(request.tableInput().name())) {
            throw notFound("Table " + request.tableInput().name());
        }
        db.put(request.tableInput().name(), request.tableInput());
        return UpdateTableResponse.builder().build();
    }

    private Map<String, PartitionInput> partitionsOf(String db, String table) {
        if (!database(db).containsKey(table)) {
            throw notFound("Table " + table);
        }
        return partitions.computeIfAbsent(db + "." + table, k -> new LinkedHashMap<>());
    }

    @Override
    public synchronized BatchCreatePartitionResponse batchCreatePartition(BatchCreatePartitionRequest request) {
        requests.add(request);
        if (request.partitionInputList().size() > 100) {
            throw new IllegalArgumentException("BatchCreatePartition takes at most 100 partitions");
        }
        Map<String, PartitionInput> all = partitionsOf(request.databaseName(), request.tableName());
        List<PartitionError> errors = new ArrayList<>();
        for (PartitionInput input : request.partitionInputList()) {
            if (partitionErrorCode != null) {
                errors.add(error(input.values()));
                continue;
            }
            String key = String.join("\u0000", input.values());
            if (all.containsKey(key)) {
                errors.add(PartitionError.builder().partitionValues(input.values()).errorDetail(ErrorDetail.builder()
                        .errorCode("AlreadyExistsException").errorMessage("Partition already exists.").build()).build());
            } else {
                all.put(key, input);
            }
        }
        return BatchCreatePartitionResponse.builder().errors(errors).build();
    }

    @Override
    public synchronized BatchUpdatePartitionResponse batchUpdatePartition(BatchUpdatePartitionRequest request) {
        requests.add(request);
        Map<String, PartitionInput> all = partitionsOf(request.databaseName(), request.tableName());
        request.entries().forEach(e -> all.put(String.join("\u0000", e.partitionValueList()), e.partitionInput()));
        return BatchUpdatePartitionResponse.builder().build();
    }

    @Override
    public synchronized BatchDeletePartitionResponse batchDeletePartition(BatchDeletePartitionRequest request) {
        requests.add(request);
        if (request.partitionsToDelete().size() > 25) {
            throw new IllegalArgumentException("BatchDeletePartition takes at most 25 partitions");
        }
        Map<String, PartitionInput> all = partitionsOf(request.databaseName(), request.tableName());
        if (partitionErrorCode != null) {
            return BatchDeletePartitionResponse.builder().errors(request.partitionsToDelete().stream()
                    .map(v -> error(v.values())).toList()).build();
        }
        request.partitionsToDelete().forEach(v -> all.remove(String.join("\u0000", v.values())));
        return BatchDeletePartitionResponse.builder().build();
    }

    private PartitionError error(List<String> values) {
        return PartitionError.builder().partitionValues(values).errorDetail(ErrorDetail.builder()
                .errorCode(partitionErrorCode).errorMessage("Rate exceeded").build()).build();
    }

    @Override
    public synchronized GetPartitionsResponse getPartitions(GetPartitionsRequest request) {
        requests.add(request);
        List<PartitionInput> all = new ArrayList<>(partitionsOf(request.databaseName(), request.tableName()).values());
        int from = request.nextToken() == null ? 0 : Integer.parseInt(request.nextToken());
        int to = Math.min(all.size(), from + PAGE);
        List<Partition> page = all.subList(from, to).stream().map(p -> Partition.builder().values(p.values())
                .databaseName(request.databaseName()).tableName(request.tableName()).storageDescriptor(p.storageDescriptor()).build()).toList();
        return GetPartitionsResponse.builder().partitions(page).nextToken(to < all.size() ? Integer.toString(to) : null).build();
    }
}
