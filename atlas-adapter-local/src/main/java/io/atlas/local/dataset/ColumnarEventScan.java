package io.atlas.local.dataset;

import io.atlas.ports.dataset.EventScan;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.ColumnReader;
import org.apache.parquet.column.Dictionary;
import org.apache.parquet.column.impl.ColumnReadStoreImpl;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.Converter;
import org.apache.parquet.io.api.GroupConverter;
import org.apache.parquet.io.api.PrimitiveConverter;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.Type;

/**
 * Reads the six columns the daily aggregate needs straight from a logs file's column chunks, row group by row group,
 * handing each row to an {@link EventScan.Visitor} without a row object, and its addresses apart (a dictionary
 * entry once a chunk, after its rows). Text columns are read through
 * dictionary-aware converters: a dictionary-encoded column chunk (values repeat: addresses, agents, methods) has each
 * dictionary entry decoded to one {@link String} once, and its rows are then array lookups by dictionary id, the
 * same {@code String} for every row that carries it; a plain-encoded page (a dictionary that overflowed: mostly
 * distinct values) decodes each value once, as it comes. {@code log_id} and {@code ip_address}, required columns in
 * the files Atlas writes, are read page by page instead ({@link BinaryPages}) and handed on as bytes where they lie
 * in the page: an address is parsed in place, with no {@code Binary}, buffer or {@code String} for it. Memory is one
 * chunk's dictionary per column.
 */
final class ColumnarEventScan {
    private static final List<String> COLUMNS = List.of("log_id", "status_code", "ip_address", "device", "request_type", "app_name");
    private static final int IP = 2;
    private static final int LOG_ID_LENGTH = 64;

    void scan(Path file, EventScan.Visitor visitor) throws IOException {
        scan(file, visitor, new BufferPool(), 0, 1);
    }

    /**
     * The rows of every {@code slices}-th row group from row group {@code slice} (0-based), the others skipped
     * unread: the file's slices together give each row once. Column chunks and pages are read into {@code buffers}.
     */
    void scan(Path file, EventScan.Visitor visitor, BufferPool buffers, int slice, int slices) throws IOException {
        if (slices < 1 || slice < 0 || slice >= slices) {
            throw new IllegalArgumentException("Invalid slice " + slice + " of " + slices);
        }
        try (ParquetFileReader reader = ParquetFileReader.open(new ChannelInputFile(file), PlainConfiguration.readOptions(buffers))) {
            MessageType schema = reader.getFooter().getFileMetaData().getSchema();
            Type[] fields = COLUMNS.stream().map(schema::getType).toArray(Type[]::new);
            MessageType projection = new MessageType(schema.getName(), fields);
            reader.setRequestedSchema(projection);
            String createdBy = reader.getFooter().getFileMetaData().getCreatedBy();
            List<org.apache.parquet.hadoop.metadata.BlockMetaData> rowGroups = reader.getRowGroups();
            // by index: readNextRowGroup passes over an empty row group by itself, which would shift the stride
            for (int rowGroup = slice; rowGroup < rowGroups.size(); rowGroup += slices) {
                if (rowGroups.get(rowGroup).getRowCount() == 0) {
                    continue;
                }
                PageReadStore pages = reader.readRowGroup(rowGroup);
                Columns converters = new Columns(COLUMNS.size(), visitor);
                ColumnReadStoreImpl columns = new ColumnReadStoreImpl(pages, converters, projection, createdBy);
                ColumnReader[] readers = new ColumnReader[COLUMNS.size()];
                int[] maxDefinition = new int[COLUMNS.size()];
                ColumnDescriptor idColumn = projection.getColumnDescription(new String[] {COLUMNS.get(0)});
                BinaryPages ids = BinaryPages.fits(idColumn) ? new BinaryPages(pages.getPageReader(idColumn), idColumn, buffers) : null;
                ColumnDescriptor ipColumn = projection.getColumnDescription(new String[] {COLUMNS.get(IP)});
                BinaryPages ips = BinaryPages.fits(ipColumn) ? new BinaryPages(pages.getPageReader(ipColumn), ipColumn, buffers) : null;
                Addresses addresses = converters.addresses;
                if (ips != null) {
                    addresses.use(ips.entries());
                }
                for (int i = 0; i < readers.length; i++) {
                    if ((i == 0 && ids != null) || (i == IP && ips != null)) {
                        continue;
                    }
                    ColumnDescriptor descriptor = projection.getColumnDescription(new String[] {COLUMNS.get(i)});
                    readers[i] = columns.getColumnReader(descriptor);
                    maxDefinition[i] = descriptor.getMaxDefinitionLevel();
                }
                Text device = converters.texts[3];
                Text type = converters.texts[4];
                Text app = converters.texts[5];
                long rows = pages.getRowCount();
                for (long row = 0; row < rows; row++) {
                    byte[] idBytes;
                    int idOffset;
                    int idLength;
                    if (ids != null) {
                        int entry = ids.next();
                        if (entry < 0) {
                            idBytes = ids.array();
                            idOffset = ids.offset();
                            idLength = ids.length();
                        } else {
                            idBytes = ids.entries()[entry];
                            idOffset = 0;
                            idLength = idBytes.length;
                        }
                    } else {
                        Binary id = readers[0].getBinary();
                        readers[0].consume();
                        idBytes = id.getBytes();
                        idOffset = 0;
                        idLength = idBytes.length;
                    }
                    if (idLength != LOG_ID_LENGTH) {
                        throw new IllegalStateException("a log_id of " + idLength + " bytes, expected 64 hex characters");
                    }
                    int status = readers[1].getInteger();
                    readers[1].consume();
                    if (ips != null) {
                        int entry = ips.next();
                        if (entry < 0) {
                            visitor.address(ips.array(), ips.offset(), ips.length());
                        } else {
                            addresses.used[entry] = true;
                        }
                    } else {
                        ColumnReader ipReader = readers[IP];
                        if (ipReader.getCurrentDefinitionLevel() != maxDefinition[IP]) {
                            throw new IllegalStateException("a row without ip_address");
                        }
                        ipReader.writeCurrentValueToConverter();
                        ipReader.consume();
                    }
                    for (int i = IP + 1; i < readers.length; i++) {
                        ColumnReader column = readers[i];
                        if (column.getCurrentDefinitionLevel() == maxDefinition[i]) {
                            column.writeCurrentValueToConverter();
                        } else {
                            converters.texts[i].value = null;
                        }
                        column.consume();
                    }
                    visitor.event(idBytes, idOffset, status, device.value, type.value, app.value);
                }
                converters.addresses.giveUsed();
                if (ids != null) {
                    ids.close();
                }
                if (ips != null) {
                    ips.close();
                }
                pages.close(); // its column chunks' buffers go back to the pool for the next row group
            }
        } catch (IllegalStateException e) {
            throw new IllegalStateException(file + ": " + e.getMessage(), e);
        }
    }

    /**
     * The projection's converters: the addresses go to the visitor as they are read, the other text columns keep
     * their current value, the rest are read directly.
     */
    private static final class Columns extends GroupConverter {
        private static final PrimitiveConverter IGNORE = new PrimitiveConverter() {};
        final Text[] texts;
        final Addresses addresses;

        Columns(int columns, EventScan.Visitor visitor) {
            texts = new Text[columns];
            for (int i = IP + 1; i < columns; i++) {
                texts[i] = new Text();
            }
            addresses = new Addresses(visitor);
        }

        @Override
        public Converter getConverter(int fieldIndex) {
            if (fieldIndex == IP) {
                return addresses;
            }
            Text text = texts[fieldIndex];
            return text != null ? text : IGNORE;
        }

        @Override
        public void start() {}

        @Override
        public void end() {}
    }

    /**
     * The addresses of a column chunk, handed to the visitor: a dictionary entry once, after the rows of the chunk
     * that carry it (the visitor counts addresses as a set; a day of a few thousand addresses read over millions of
     * rows parsed and looked up each row's address), a plain-encoded value as it comes. A row only marks its entry,
     * without a branch: a test for "given already" is false for the first few thousand rows of every chunk and true
     * after, which the JIT compiled as an uncommon trap and deoptimized on at the start of the next chunk.
     */
    private static final class Addresses extends PrimitiveConverter {
        private final EventScan.Visitor visitor;
        private byte[][] dictionary = new byte[0][];
        boolean[] used = new boolean[0];

        Addresses(EventScan.Visitor visitor) {
            this.visitor = visitor;
        }

        /** Gives what the last dictionary's rows carried and takes a chunk's dictionary entries. */
        void use(byte[][] entries) {
            giveUsed();
            dictionary = entries;
            used = new boolean[entries.length];
        }

        @Override
        public boolean hasDictionarySupport() {
            return true;
        }

        @Override
        public void setDictionary(Dictionary dictionary) {
            byte[][] entries = new byte[dictionary.getMaxId() + 1][];
            for (int id = 0; id < entries.length; id++) {
                entries[id] = dictionary.decodeToBinary(id).getBytes();
            }
            use(entries);
        }

        @Override
        public void addValueFromDictionary(int dictionaryId) {
            used[dictionaryId] = true;
        }

        @Override
        public void addBinary(Binary binary) {
            ByteBuffer bytes = binary.toByteBuffer();
            if (bytes.hasArray()) {
                visitor.address(bytes.array(), bytes.arrayOffset() + bytes.position(), bytes.remaining());
            } else {
                byte[] copy = binary.getBytes();
                visitor.address(copy, 0, copy.length);
            }
        }

        /** Gives the visitor every dictionary entry a row carried since the dictionary was set. */
        void giveUsed() {
            for (int id = 0; id < used.length; id++) {
                if (used[id]) {
                    visitor.address(dictionary[id], 0, dictionary[id].length);
                    used[id] = false;
                }
            }
        }
    }

    /** One text column's current value; a column chunk's dictionary decoded once into Strings. */
    private static final class Text extends PrimitiveConverter {
        @org.jspecify.annotations.Nullable String value;
        private String[] dictionary = new String[0];

        @Override
        public boolean hasDictionarySupport() {
            return true;
        }

        @Override
        public void setDictionary(Dictionary dictionary) {
            this.dictionary = decoded(dictionary);
        }

        /**
         * A chunk's dictionary as {@code String}s, interned: every chunk, file and worker then hands out the same
         * instance for a value, so the aggregate's per-key maps match a row's key by identity (its hash cached in
         * it) instead of comparing its bytes with another chunk's copy, a cache miss or two a row on a day of
         * thousands of user agents. A dictionary is at most one page, and interned strings are collected with the
         * last reference.
         */
        static String[] decoded(Dictionary dictionary) {
            String[] strings = new String[dictionary.getMaxId() + 1];
            for (int id = 0; id < strings.length; id++) {
                strings[id] = dictionary.decodeToBinary(id).toStringUsingUTF8().intern();
            }
            return strings;
        }

        @Override
        public void addValueFromDictionary(int dictionaryId) {
            value = dictionary[dictionaryId];
        }

        @Override
        public void addBinary(Binary binary) {
            value = decoded(binary);
        }

        static String decoded(Binary binary) {
            ByteBuffer bytes = binary.toByteBuffer();
            return bytes.hasArray()
                    ? new String(bytes.array(), bytes.arrayOffset() + bytes.position(), bytes.remaining(), StandardCharsets.UTF_8)
                    : binary.toStringUsingUTF8();
        }
    }
}
