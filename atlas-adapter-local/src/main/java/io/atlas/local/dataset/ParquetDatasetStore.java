package io.atlas.local.dataset;

import static java.util.Objects.requireNonNull;

import io.atlas.domain.catalog.Column;
import io.atlas.domain.lake.ObjectKey;
import io.atlas.domain.run.RunId;
import io.atlas.ports.ErrorCategory;
import io.atlas.ports.dataset.CloseableIterator;
import io.atlas.ports.commit.DayPartition;
import io.atlas.ports.commit.PartitionCommit;
import io.atlas.ports.dataset.Dataset;
import io.atlas.ports.dataset.DatasetStore;
import io.atlas.ports.dataset.EventScan;
import io.atlas.ports.dataset.PartitionInfo;
import io.atlas.ports.dataset.PartitionWriter;
import io.atlas.ports.storage.LocalFiles;
import io.atlas.ports.storage.ObjectInfo;
import io.atlas.ports.storage.ObjectStore;
import io.atlas.ports.storage.StorageException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.parquet.avro.AvroParquetReader;
import org.apache.parquet.avro.AvroSchemaConverter;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalOutputFile;

/**
 * The three tables as Parquet files in the lake, through any {@link ObjectStore} (files are written locally, then
 * published; on a store with {@link LocalFiles} that is one rename).
 *
 * <p>Each partition is published through {@link PartitionCommit}, the lake's one commit protocol: readers see the
 * previous commit or the new one, never a mix. Partition columns live in the path only.
 */
public final class ParquetDatasetStore implements DatasetStore, EventScan {
    private static final int ROW_GROUP_BYTES = 64 * 1024 * 1024;
    /** The file bytes of one aggregate source: about one row group of the logs table, compressed. */
    static final long SLICE_BYTES = 24L * 1024 * 1024;
    private static final int MAX_SLICES = 256;

    private final ObjectStore store;
    private final CompressionCodecName codec;

    public ParquetDatasetStore(ObjectStore store, CompressionCodecName codec) {
        this.store = requireNonNull(store, "store is null");
        this.codec = requireNonNull(codec, "codec is null");
    }

    public ParquetDatasetStore(ObjectStore store) {
        this(store, CompressionCodecName.SNAPPY);
    }

    @Override
    public <R> PartitionWriter<R> overwrite(Dataset<R> dataset, List<String> partition, RunId runId) {
        return new Writer<>(dataset, List.copyOf(partition), runId);
    }

    /**
     * A partition being replaced. Each writing thread gets a shard of its own (its own Parquet file), so threads never
     * wait on each other; commit publishes every shard's file, then the marker naming them all.
     */
    private final class Writer<R> implements PartitionWriter<R> {
        private final Dataset<R> dataset;
        private final List<String> partition;
        private final RunId runId;
        private final RowCodec<R> rowCodec;
        private final MessageType schema;
        private final List<Shard<R>> shards = new java.util.concurrent.CopyOnWriteArrayList<>();
        private final ThreadLocal<Shard<R>> byThread = new ThreadLocal<>();
        private volatile boolean finished;

        Writer(Dataset<R> dataset, List<String> partition, RunId runId) {
            this.dataset = dataset;
            this.partition = partition;
            this.runId = runId;
            this.rowCodec = RowCodecs.forDataset(dataset);
            this.schema = new AvroSchemaConverter().convert(rowCodec.schema());
            dataset.location(partition); // validates the values
        }

        private Shard<R> shard() {
            Shard<R> shard = byThread.get();
            if (shard == null) {
                synchronized (this) {
                    if (finished) {
                        throw new IllegalStateException("Cannot write to " + dataset + " " + partition + ": already committed or closed");
                    }
                    shard = new Shard<>(stagingFile(), rowCodec, schema);
                    shards.add(shard);
                }
                byThread.set(shard);
            }
            return shard;
        }

        @Override
        public void write(R row) {
            if (finished) {
                throw new IllegalStateException("Cannot write to " + dataset + " " + partition + ": already committed or closed");
            }
            try {
                shard().write(row);
            } catch (IOException e) {
                throw new StorageException(ErrorCategory.TRANSIENT, "Cannot write " + dataset + " " + partition + ": " + io.atlas.local.storage.IoReasons.describe(e), e);
            }
        }

        @Override
        public synchronized PartitionInfo commit() {
            if (finished) {
                throw new IllegalStateException("Cannot commit " + dataset + " " + partition + " twice");
            }
            if (shards.isEmpty()) {
                shards.add(new Shard<>(stagingFile(), rowCodec, schema)); // an empty partition still has its (empty) file
            }
            finished = true;
            long rows = 0;
            try {
                for (Shard<R> shard : shards) {
                    shard.close();
                    rows += shard.rows;
                }
            } catch (IOException e) {
                shards.forEach(Shard::discard);
                throw new StorageException(ErrorCategory.TRANSIENT, "Cannot commit " + dataset + " " + partition + ": " + io.atlas.local.storage.IoReasons.describe(e), e);
            }
            try {
                return PartitionCommit.commit(store, new DayPartition(dataset, partition), runId, shards.size(), rows,
                        (index, target) -> publish(shards.get(index).staged, target));
            } finally {
                shards.forEach(shard -> deleteQuietly(shard.staged));
            }
        }

        @Override
        public synchronized void close() {
            if (!finished) {
                finished = true;
                shards.forEach(Shard::discard);
            }
        }
    }

    /** One thread's Parquet file of a partition. */
    private final class Shard<R> {
        final Path staged;
        final ParquetWriter<R> parquet;
        long rows;

        Shard(Path staged, RowCodec<R> codec, MessageType schema) {
            this.staged = staged;
            try {
                RowWriterBuilder<R> builder = new RowWriterBuilder<>(new LocalOutputFile(staged), new RowWriteSupport<>(schema, codec::write));
                // Min/max statistics on text columns (ids, addresses, messages) cost a comparison per value and help no
                // query; numbers and timestamps keep theirs for predicate push-down.
                for (org.apache.parquet.schema.Type field : schema.getFields()) {
                    if (field.isPrimitive() && field.asPrimitiveType().getPrimitiveTypeName()
                            == org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName.BINARY) {
                        builder.withStatisticsEnabled(field.getName(), false);
                    }
                }
                builder
                        .withConf(PlainConfiguration.get())
                        .withCodecFactory(PlainConfiguration.codecs())
                        .withCompressionCodec(codec())
                        .withRowGroupSize((long) ROW_GROUP_BYTES)
                        .withWriteMode(ParquetFileWriter.Mode.OVERWRITE)
                        .withSizeStatisticsEnabled(false);
                RowCodecs.UNIQUE_TEXT_COLUMNS.forEach(column -> builder.withDictionaryEncoding(column, false));
                // A repeated text value's dictionary id found by its instance, not by hashing its bytes again.
                IdentityDictionaries.install(builder);
                this.parquet = builder.build();
            } catch (IOException e) {
                deleteQuietly(staged);
                throw new StorageException(ErrorCategory.TRANSIENT, "Cannot open a Parquet file: " + e.getMessage(), e);
            }
        }

        void write(R row) throws IOException {
            parquet.write(row);
            rows++;
        }

        void close() throws IOException {
            parquet.close();
        }

        void discard() {
            try {
                parquet.close();
            } catch (IOException | RuntimeException e) {
                // discarding: the staged file goes either way
            }
            deleteQuietly(staged);
        }
    }

    private CompressionCodecName codec() {
        return codec;
    }

    private Path stagingFile() {
        Optional<LocalFiles> local = store.localFiles();
        if (local.isPresent()) {
            return local.get().newStagingFile(".parquet");
        }
        try {
            return Files.createTempFile("atlas-", ".parquet");
        } catch (IOException e) {
            throw new StorageException(ErrorCategory.TRANSIENT, "Cannot create a temporary file: " + io.atlas.local.storage.IoReasons.describe(e), e);
        }
    }

    private void publish(Path file, ObjectKey key) throws IOException {
        Optional<LocalFiles> local = store.localFiles();
        if (local.isPresent()) {
            local.get().moveIntoPlace(file, key);
        } else {
            store.write(key, file);
            Files.deleteIfExists(file);
        }
    }

    @Override
    public <R> CloseableIterator<R> read(Dataset<R> dataset, List<String> partition) {
        Optional<PartitionInfo> info = partition(dataset, partition);
        if (info.isEmpty()) {
            return CloseableIterator.of(List.of());
        }
        return new Reader<>(RowCodecs.forDataset(dataset), partition, info.get().files());
    }

    private final class Reader<R> implements CloseableIterator<R> {
        private final RowCodec<R> rowCodec;
        private final List<String> partition;
        private final Iterator<ObjectKey> files;
        private LocalCopy current;
        private ParquetReader<GenericRecord> reader;
        private GenericRecord next;

        Reader(RowCodec<R> rowCodec, List<String> partition, List<ObjectKey> files) {
            this.rowCodec = rowCodec;
            this.partition = partition;
            this.files = files.iterator();
        }

        @Override
        public boolean hasNext() {
            try {
                while (next == null) {
                    if (reader != null) {
                        next = reader.read();
                        if (next != null) {
                            break;
                        }
                        closeCurrent();
                    }
                    if (!files.hasNext()) {
                        return false;
                    }
                    current = localCopy(files.next());
                    reader = AvroParquetReader.<GenericRecord>builder(new ChannelInputFile(current.path()), PlainConfiguration.get())
                            .withDataModel(GenericData.get())
                            .withCodecFactory(PlainConfiguration.codecs())
                            .build();
                }
                return true;
            } catch (IOException e) {
                close();
                throw new StorageException(ErrorCategory.TRANSIENT, "Cannot read partition " + partition + ": " + e.getMessage(), e);
            }
        }

        @Override
        public R next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            GenericRecord record = next;
            next = null;
            return rowCodec.decode(record, partition);
        }

        private void closeCurrent() throws IOException {
            if (reader != null) {
                reader.close();
                reader = null;
            }
            if (current != null) {
                current.close();
                current = null;
            }
        }

        @Override
        public void close() {
            try {
                closeCurrent();
            } catch (IOException e) {
                // nothing is lost by failing to close a reader
            }
        }
    }

    /** A file of the lake as a local path: the file itself on a local lake, a temporary download otherwise. */
    private record LocalCopy(Path path, boolean temporary) implements AutoCloseable {
        @Override
        public void close() throws IOException {
            if (temporary) {
                Files.deleteIfExists(path);
            }
        }
    }

    private LocalCopy localCopy(ObjectKey key) throws IOException {
        Optional<LocalFiles> local = store.localFiles();
        if (local.isPresent()) {
            Optional<Path> path = local.get().localPath(key);
            if (path.isPresent()) {
                return new LocalCopy(path.get(), false);
            }
            throw new StorageException(ErrorCategory.INTERNAL, "Cannot read " + key + ": named by a commit marker but missing");
        }
        Path temp = Files.createTempFile("atlas-read-", ".parquet");
        try (InputStream in = store.open(key)) {
            Files.copy(in, temp, StandardCopyOption.REPLACE_EXISTING);
        }
        return new LocalCopy(temp, true);
    }

    @Override
    public Optional<PartitionInfo> partition(Dataset<?> dataset, List<String> partition) {
        return PartitionCommit.committed(store, dataset, partition);
    }

    @Override
    public List<PartitionInfo> partitions(Dataset<?> dataset) {
        return PartitionCommit.committedPartitions(store, dataset);
    }

    /**
     * One source per file, and a file on this machine's disk cut into slices of about {@link #SLICE_BYTES}, each
     * a stride of its row groups: the aggregate's workers take sources from one queue, and a day of one or two large
     * files was otherwise one worker's last file while the other worker had finished (a second of a 3-second
     * aggregate). A remote file is read once (a copy per slice would download it as often).
     */
    @Override
    public List<EventScan.Source> eventSources(PartitionInfo partition) {
        Optional<LocalFiles> local = store.localFiles();
        List<EventScan.Source> sources = new ArrayList<>();
        for (ObjectKey file : partition.files()) {
            Optional<Path> path = local.flatMap(files -> files.localPath(file));
            int slices = path.map(ParquetDatasetStore::slices).orElse(1);
            for (int slice = 0; slice < slices; slice++) {
                int stride = slice;
                sources.add(visitor -> {
                    try (LocalCopy copy = localCopy(file)) {
                        new ColumnarEventScan().scan(copy.path(), visitor, BufferPool.forThisThread(), stride, slices);
                    } catch (IOException e) {
                        throw new StorageException(ErrorCategory.TRANSIENT, "Cannot read " + file + ": " + e.getMessage(), e);
                    }
                });
            }
        }
        return sources;
    }

    private static int slices(Path file) {
        try {
            return (int) Math.max(1, Math.min(MAX_SLICES, Files.size(file) / SLICE_BYTES));
        } catch (IOException e) {
            return 1; // the scan reports what is wrong with the file
        }
    }

    @Override
    public Optional<List<Column>> schema(Dataset<?> dataset, List<String> partition) {
        Optional<PartitionInfo> info = partition(dataset, partition);
        if (info.isEmpty() || info.get().files().isEmpty()) {
            return Optional.empty();
        }
        try (LocalCopy copy = localCopy(info.get().files().get(0));
                ParquetFileReader footer = ParquetFileReader.open(new ChannelInputFile(copy.path()), PlainConfiguration.readOptions())) {
            return Optional.of(ParquetSchemas.columns(footer.getFooter().getFileMetaData().getSchema()));
        } catch (IOException e) {
            throw new StorageException(ErrorCategory.TRANSIENT, "Cannot read the footer of " + info.get().files().get(0)
                    + ": " + e.getMessage(), e);
        }
    }

    private static void deleteQuietly(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            // a stray staging file is harmless and cleaned with the staging area
        }
    }
}
