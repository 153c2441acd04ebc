package io.atlas.spark;

import static java.util.Objects.requireNonNull;

import io.atlas.domain.catalog.Column;
import io.atlas.domain.catalog.ColumnType;
import io.atlas.ports.commit.PartitionCommit;
import io.atlas.ports.dataset.Dataset;
import io.atlas.ports.dataset.PartitionInfo;
import io.atlas.ports.dataset.PartitionSource;
import io.atlas.ports.storage.ObjectStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.MapType;
import org.apache.spark.sql.types.StructField;

/**
 * What the crawler reads of the lake, on Spark (the Glue crawl job): committed partitions from their markers, and
 * the schema of a partition's Parquet footer through Spark's reader.
 */
public final class SparkPartitionSource implements PartitionSource {
    private final SparkSession spark;
    private final LakeLocation lake;
    private final ObjectStore store;

    public SparkPartitionSource(SparkSession spark, LakeLocation lake, ObjectStore store) {
        this.spark = requireNonNull(spark, "spark is null");
        this.lake = requireNonNull(lake, "lake is null");
        this.store = requireNonNull(store, "store is null");
    }

    @Override
    public List<PartitionInfo> partitions(Dataset<?> dataset) {
        return PartitionCommit.committedPartitions(store, dataset);
    }

    @Override
    public Optional<List<Column>> schema(Dataset<?> dataset, List<String> partition) {
        Optional<PartitionInfo> committed = PartitionCommit.committed(store, dataset, partition);
        if (committed.isEmpty() || committed.get().files().isEmpty()) {
            return Optional.empty();
        }
        String file = lake.resolve(committed.get().files().get(0).value()).toString();
        List<Column> columns = new ArrayList<>();
        for (StructField field : spark.read().parquet(file).schema().fields()) {
            columns.add(Column.of(field.name(), type(field)));
        }
        return Optional.of(columns);
    }

    static ColumnType type(StructField field) {
        DataType type = field.dataType();
        if (type.equals(DataTypes.StringType)) {
            return ColumnType.STRING;
        }
        if (type.equals(DataTypes.IntegerType)) {
            return ColumnType.INT;
        }
        if (type.equals(DataTypes.LongType)) {
            return ColumnType.BIGINT;
        }
        if (type.equals(DataTypes.DoubleType)) {
            return ColumnType.DOUBLE;
        }
        if (type.equals(DataTypes.BooleanType)) {
            return ColumnType.BOOLEAN;
        }
        if (type.equals(DataTypes.DateType)) {
            return ColumnType.DATE;
        }
        if (type.equals(DataTypes.TimestampType) || type.equals(DataTypes.TimestampNTZType)) {
            return ColumnType.TIMESTAMP;
        }
        if (type instanceof MapType map && map.keyType().equals(DataTypes.StringType) && map.valueType().equals(DataTypes.LongType)) {
            return ColumnType.MAP_STRING_BIGINT;
        }
        throw new IllegalArgumentException("Cannot infer a catalog type for column " + field.name() + ": " + type.simpleString());
    }
}
