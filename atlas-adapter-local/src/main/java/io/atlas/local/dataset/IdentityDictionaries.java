package io.atlas.local.dataset;

import io.atlas.domain.file.CacheUse;
import java.lang.reflect.Field;
import java.util.Arrays;
import java.util.Objects;
import org.apache.parquet.bytes.ByteBufferAllocator;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.Encoding;
import org.apache.parquet.column.ParquetProperties;
import org.apache.parquet.column.values.ValuesWriter;
import org.apache.parquet.column.values.dictionary.DictionaryValuesWriter;
import org.apache.parquet.column.values.factory.DefaultValuesWriterFactory;
import org.apache.parquet.column.values.factory.ValuesWriterFactory;
import org.apache.parquet.column.values.fallback.FallbackValuesWriter;
import org.apache.parquet.column.values.plain.PlainValuesWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.jspecify.annotations.Nullable;

/**
 * parquet-java's values writers, but with a text column's dictionary looked up by the value's instance first.
 * {@link TextBinaries} hands a column the same {@link Binary} each time a value repeats, and parquet-java's
 * dictionary hashed that value's bytes again for every row and probed its hash table with the hash (the compare
 * with its entry is by instance already; round 9's profile of the gzip-json normalize had parquet-java's text column
 * writes, this lookup among them, at a fifth of the CPU).
 * Here a small direct-mapped table from the instance to its dictionary id answers a repeat without reading the
 * bytes; a value it does not know goes to parquet-java's own dictionary as before, so the ids, the pages and the
 * file are byte for byte what parquet-java writes ({@code IdentityDictionariesTest}). Only a Binary whose bytes
 * cannot change is kept by instance.
 *
 * <p>Only the data page format of our files (Parquet 1.0 pages, PLAIN_DICTIONARY) is replaced; every other column
 * and format gets parquet-java's own writer. What is built here copies {@code DefaultV1ValuesWriterFactory}'s binary
 * branch, and {@link Writer#idOf} parquet-java's {@code writeBytes}: a parquet-java that changes either is caught by
 * the test's byte-for-byte comparison, which must stay. One factory for one builder's one {@code build()}: it keeps
 * the properties it is initialized with.
 */
class IdentityDictionaries implements ValuesWriterFactory {
    /** The builder's encoding properties, looked up once for every writer; null where parquet-java has no such field. */
    private static final @Nullable Field PROPERTIES = propertiesField();

    private final ValuesWriterFactory defaults = new DefaultValuesWriterFactory();
    private @Nullable ParquetProperties properties;

    /**
     * Gives a builder's writers these dictionaries. parquet-java's builder does not expose its encoding properties'
     * values writer factory, so it is reached by reflection; where that fails (a parquet-java whose builder is built
     * differently) the builder is left as it was, which writes the same files, and false is returned.
     */
    static boolean install(ParquetWriter.Builder<?, ?> builder) {
        return install(builder, new IdentityDictionaries());
    }

    /** {@link #install(ParquetWriter.Builder)} with a given factory (a test's, which counts its writers). */
    static boolean install(ParquetWriter.Builder<?, ?> builder, IdentityDictionaries factory) {
        if (PROPERTIES == null) {
            return false;
        }
        try {
            ((ParquetProperties.Builder) PROPERTIES.get(builder)).withValuesWriterFactory(factory);
            return true;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return false;
        }
    }

    private static @Nullable Field propertiesField() {
        try {
            Field field = ParquetWriter.Builder.class.getDeclaredField("encodingPropsBuilder");
            field.setAccessible(true);
            return field;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    @Override
    public void initialize(ParquetProperties properties) {
        defaults.initialize(properties);
        this.properties = properties;
    }

    @Override
    public ValuesWriter newValuesWriter(ColumnDescriptor column) {
        ParquetProperties props = Objects.requireNonNull(properties, "not initialized");
        if (column.getPrimitiveType().getPrimitiveTypeName() == PrimitiveTypeName.BINARY
                && props.isDictionaryEnabled(column)
                && props.getWriterVersion() == ParquetProperties.WriterVersion.PARQUET_1_0) {
            // What DefaultV1ValuesWriterFactory builds for a binary column, with this dictionary in it.
            return FallbackValuesWriter.of(
                    new Writer(props.getDictionaryPageSizeThreshold(), props.getAllocator()),
                    new PlainValuesWriter(props.getInitialSlabSize(), props.getPageSizeThreshold(), props.getAllocator()));
        }
        return defaults.newValuesWriter(column);
    }

    /** parquet-java's binary dictionary with a table by instance in front of it. */
    static final class Writer extends DictionaryValuesWriter.PlainBinaryDictionaryValuesWriter {
        /** Room for a column's few thousand values of a row group. */
        private static final int SLOT_BITS = 13;
        private final Binary[] instances = new Binary[1 << SLOT_BITS];
        private final int[] ids = new int[1 << SLOT_BITS];
        /** Values that arrive as new instances every time (a column the text cache passes by) skip the table. */
        private final CacheUse use = new CacheUse();

        Writer(int maxDictionaryBytes, ByteBufferAllocator allocator) {
            super(maxDictionaryBytes, Encoding.PLAIN_DICTIONARY, Encoding.PLAIN_DICTIONARY, allocator);
        }

        @Override
        public void writeBytes(Binary value) {
            if (value.isBackingBytesReused() || !use.lookUp()) {
                encodedValues.add(idOf(value));
                return;
            }
            int slot = TextBinaries.slot(System.identityHashCode(value), SLOT_BITS);
            boolean known = instances[slot] == value;
            use.looked(known);
            if (!known) {
                instances[slot] = value;
                ids[slot] = idOf(value);
            }
            encodedValues.add(ids[slot]);
        }

        /** The value's id in the dictionary, added to it if new: parquet-java's own writeBytes, but for the add. */
        private int idOf(Binary value) {
            int id = binaryDictionaryContent.getInt(value);
            if (id == -1) {
                id = binaryDictionaryContent.size();
                binaryDictionaryContent.put(value.copy(), id);
                dictionaryByteSize += 4L + value.length();
            }
            return id;
        }

        /**
         * With the dictionary. parquet-java 1.16 makes new column writers for each row group, so this runs only on a
         * writer about to be dropped, or before its first page falls back; kept so that a reset never leaves ids of
         * a dictionary that is gone.
         */
        @Override
        protected void clearDictionaryContent() {
            super.clearDictionaryContent();
            Arrays.fill(instances, null);
        }
    }
}
