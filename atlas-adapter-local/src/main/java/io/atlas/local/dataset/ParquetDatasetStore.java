package io.atlas.local.dataset;

import static java.util.Objects.requireNonNull;

import io.atlas.domain.catalog.Column;
import io.atlas.domain.lake.ObjectKey;
import io.atlas.domain.run.RunId;
import io.atlas.ports.ErrorCategory;
import io.atlas.ports.dataset.CloseableIterator;
import io.atlas.ports.dataset.CommitMarker;
import io.atlas.ports.dataset.Dataset;
import io.atlas.ports.dataset.DatasetStore;
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
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.avro.AvroParquetReader;
import org.apache.parquet.avro.AvroParquetWriter;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.io.LocalOutputFile;

/**
 * The three tables as Parquet files in the lake, through any {@link ObjectStore} (files are written locally, then
 * published; on a store with {@link LocalFiles} that is one rename).
 *
 * <p>Commit protocol per partition: data files {@code part-NNNNN-<run>.parquet} are published first, then the
 * {@link CommitMarker} naming them (one atomic write), then files of earlier runs are deleted. Readers go by the
 * marker only: they see the previous commit or the new one, never a mix, and never the leftovers of a crashed run
 * (which the next commit of that partition deletes). Partition columns live in the path only.
 */
public final class ParquetDatasetStore implements DatasetStore {
    private static final int ROW_GROUP_BYTES = 64 * 1024 * 1024;

    private final ObjectStore store;
    private final CompressionCodecName codec;
    private final Configuration hadoop = new Configuration(false);

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

    private final class Writer<R> implements PartitionWriter<R> {
        private final Dataset<R> dataset;
        private final List<String> partition;
        private final RunId runId;
        private final RowCodec<R> rowCodec;
        private final Path staged;
        private final ParquetWriter<GenericRecord> parquet;
        private long rows;
        private boolean finished;

        Writer(Dataset<R> dataset, List<String> partition, RunId runId) {
            this.dataset = dataset;
            this.partition = partition;
            this.runId = runId;
            this.rowCodec = RowCodecs.forDataset(dataset);
            dataset.location(partition); // validates the values
            this.staged = stagingFile();
            try {
                this.parquet = AvroParquetWriter.<GenericRecord>builder(new LocalOutputFile(staged))
                        .withSchema(rowCodec.schema())
                        .withDataModel(GenericData.get())
                        .withConf(hadoop)
                        .withCompressionCodec(codec)
                        .withRowGroupSize((long) ROW_GROUP_BYTES)
                        .withWriteMode(ParquetFileWriter.Mode.OVERWRITE)
                        .build();
            } catch (IOException e) {
                deleteQuietly(staged);
                throw new StorageException(ErrorCategory.TRANSIENT, "Cannot write " + dataset + " " + partition + ": " + e.getMessage(), e);
            }
        }

        @Override
        public synchronized void write(R row) {
            if (finished) {
                throw new IllegalStateException("Cannot write to " + dataset + " " + partition + ": already committed or closed");
            }
            try {
                parquet.write(rowCodec.encode(row));
                rows++;
            } catch (IOException e) {
                throw new StorageException(ErrorCategory.TRANSIENT, "Cannot write " + dataset + " " + partition + ": " + e.getMessage(), e);
            }
        }

        @Override
        public synchronized PartitionInfo commit() {
            if (finished) {
                throw new IllegalStateException("Cannot commit " + dataset + " " + partition + " twice");
            }
            finished = true;
            String location = dataset.location(partition);
            String fileName = "part-00000-" + runId.value() + ".parquet";
            try {
                parquet.close();
                publish(staged, ObjectKey.of(location + fileName));
            } catch (IOException e) {
                deleteQuietly(staged);
                throw new StorageException(ErrorCategory.TRANSIENT, "Cannot commit " + dataset + " " + partition + ": " + e.getMessage(), e);
            }
            new CommitMarker(runId, List.of(fileName), rows).publish(store, location);
            return new PartitionInfo(partition, location, runId, List.of(ObjectKey.of(location + fileName)), rows);
        }

        @Override
        public synchronized void close() {
            if (!finished) {
                finished = true;
                try {
                    parquet.close();
                } catch (IOException | RuntimeException e) {
                    // discarding: the staged file is deleted below either way
                }
                deleteQuietly(staged);
            }
        }
    }

    private Path stagingFile() {
        if (store instanceof LocalFiles local) {
            return local.newStagingFile(".parquet");
        }
        try {
            return Files.createTempFile("atlas-", ".parquet");
        } catch (IOException e) {
            throw new StorageException(ErrorCategory.TRANSIENT, "Cannot create a temporary file: " + e.getMessage(), e);
        }
    }

    private void publish(Path file, ObjectKey key) throws IOException {
        if (store instanceof LocalFiles local) {
            local.moveIntoPlace(file, key);
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
                    reader = AvroParquetReader.<GenericRecord>builder(new LocalInputFile(current.path()))
                            .withDataModel(GenericData.get())
                            .withConf(hadoop)
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
        if (store instanceof LocalFiles local) {
            Optional<Path> path = local.localPath(key);
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
        String location = dataset.location(partition);
        return CommitMarker.read(store, location).map(marker -> marker.info(partition, location));
    }

    @Override
    public List<PartitionInfo> partitions(Dataset<?> dataset) {
        return CommitMarker.committedPartitions(store, dataset);
    }

    @Override
    public Optional<List<Column>> schema(Dataset<?> dataset, List<String> partition) {
        Optional<PartitionInfo> info = partition(dataset, partition);
        if (info.isEmpty() || info.get().files().isEmpty()) {
            return Optional.empty();
        }
        try (LocalCopy copy = localCopy(info.get().files().get(0));
                ParquetFileReader footer = ParquetFileReader.open(new LocalInputFile(copy.path()))) {
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
