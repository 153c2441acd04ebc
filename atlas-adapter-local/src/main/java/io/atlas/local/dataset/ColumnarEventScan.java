package io.atlas.local.dataset;

import io.atlas.ports.dataset.EventScan;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.ColumnReader;
import org.apache.parquet.column.impl.ColumnReadStoreImpl;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.Converter;
import org.apache.parquet.io.api.GroupConverter;
import org.apache.parquet.io.api.PrimitiveConverter;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.Type;

/**
 * Reads the six columns the daily aggregate needs straight from a logs file's column chunks, row group by row group,
 * handing each row to an {@link EventScan.Visitor} without a row object. Text values repeat (addresses, agents,
 * methods): each distinct byte sequence becomes one {@link String}, shared by every row that carries it, while the
 * cache of them holds at most {@value #MAX_TEXTS}; past that (a day of mostly distinct addresses) it starts over, so
 * the scan's memory does not grow with the day's distinct values.
 */
final class ColumnarEventScan {
    private static final List<String> COLUMNS = List.of("log_id", "status_code", "ip_address", "device", "request_type", "app_name");

    private static final int RECENT = 1024;
    private static final int LOG_ID_LENGTH = 64;
    static final int MAX_TEXTS = 65_536;

    private final Map<Binary, String> texts = new HashMap<>();
    /**
     * Values of dictionary-encoded pages come back as the dictionary's own {@link Binary} objects, so a small cache
     * by identity finds most without hashing their bytes.
     */
    private final Binary[] recentBinaries = new Binary[RECENT];
    private final String[] recentTexts = new String[RECENT];

    void scan(Path file, EventScan.Visitor visitor) throws IOException {
        try (ParquetFileReader reader = ParquetFileReader.open(new LocalInputFile(file))) {
            MessageType schema = reader.getFooter().getFileMetaData().getSchema();
            Type[] fields = COLUMNS.stream().map(schema::getType).toArray(Type[]::new);
            MessageType projection = new MessageType(schema.getName(), fields);
            reader.setRequestedSchema(projection);
            String createdBy = reader.getFooter().getFileMetaData().getCreatedBy();
            PageReadStore pages;
            while ((pages = reader.readNextRowGroup()) != null) {
                ColumnReadStoreImpl columns = new ColumnReadStoreImpl(pages, new NoRecords(), projection, createdBy);
                ColumnReader[] readers = new ColumnReader[COLUMNS.size()];
                int[] maxDefinition = new int[COLUMNS.size()];
                for (int i = 0; i < readers.length; i++) {
                    ColumnDescriptor descriptor = projection.getColumnDescription(new String[] {COLUMNS.get(i)});
                    readers[i] = columns.getColumnReader(descriptor);
                    maxDefinition[i] = descriptor.getMaxDefinitionLevel();
                }
                long rows = pages.getRowCount();
                for (long row = 0; row < rows; row++) {
                    Binary id = readers[0].getBinary();
                    readers[0].consume();
                    int status = readers[1].getInteger();
                    readers[1].consume();
                    String ip = text(readers[2], maxDefinition[2]);
                    String device = text(readers[3], maxDefinition[3]);
                    String type = text(readers[4], maxDefinition[4]);
                    String app = text(readers[5], maxDefinition[5]);
                    if (id.length() != LOG_ID_LENGTH) {
                        throw new IllegalStateException(file + ": a log_id of " + id.length() + " bytes, expected 64 hex characters");
                    }
                    // Plain-encoded values are slices of the page's buffer: pass them in place, without a copy per row.
                    ByteBuffer buffer = id.toByteBuffer();
                    if (buffer.hasArray()) {
                        visitor.event(buffer.array(), buffer.arrayOffset() + buffer.position(), status, ip, device, type, app);
                    } else {
                        visitor.event(id.getBytesUnsafe(), 0, status, ip, device, type, app);
                    }
                }
            }
        }
    }

    private String text(ColumnReader reader, int maxDefinition) {
        String value = null;
        if (reader.getCurrentDefinitionLevel() == maxDefinition) {
            Binary bytes = reader.getBinary();
            int slot = System.identityHashCode(bytes) & (RECENT - 1);
            if (recentBinaries[slot] == bytes) {
                value = recentTexts[slot];
            } else {
                value = texts.get(bytes);
                if (value == null) {
                    if (texts.size() >= MAX_TEXTS) {
                        texts.clear();
                    }
                    Binary kept = bytes.copy();
                    value = new String(kept.getBytesUnsafe(), StandardCharsets.UTF_8);
                    texts.put(kept, value);
                }
                recentBinaries[slot] = bytes;
                recentTexts[slot] = value;
            }
        }
        reader.consume();
        return value;
    }

    /** The column store wants converters for record assembly, which this scan does not do: they ignore values. */
    private static final class NoRecords extends GroupConverter {
        private static final PrimitiveConverter IGNORE = new PrimitiveConverter() {};

        @Override
        public Converter getConverter(int fieldIndex) {
            return IGNORE;
        }

        @Override
        public void start() {}

        @Override
        public void end() {}
    }
}
