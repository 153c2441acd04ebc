package io.atlas.local.dataset;

import java.io.IOException;
import java.nio.ByteBuffer;
import org.apache.parquet.bytes.ByteBufferAllocator;
import org.apache.parquet.bytes.ByteBufferInputStream;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.Dictionary;
import org.apache.parquet.column.Encoding;
import org.apache.parquet.column.ValuesType;
import org.apache.parquet.column.page.DataPage;
import org.apache.parquet.column.page.DataPageV1;
import org.apache.parquet.column.page.DataPageV2;
import org.apache.parquet.column.page.DictionaryPage;
import org.apache.parquet.column.page.PageReader;
import org.apache.parquet.column.values.ValuesReader;
import org.apache.parquet.io.api.Binary;

/**
 * The values of one column chunk of a required, non-repeated text column (its pages hold values only, no levels),
 * read page by page without a {@link Binary}, a buffer or a {@code String} per value: a plain-encoded page is copied
 * out once and each value is then a range of that array; a dictionary-encoded page gives each value's dictionary id,
 * its entry decoded once a chunk ({@link #entry}); any other encoding (from another writer) goes through
 * parquet-java's own values reader and each value is copied into a scratch array. Not thread-safe.
 */
final class BinaryPages {
    private final PageReader pages;
    private final ColumnDescriptor column;
    private final String name;
    private final Dictionary dictionary;
    private final byte[][] entries;
    private final ByteBufferAllocator buffers;
    /** The current page's buffer when it was decompressed into one of {@link #buffers}, which gets it back after. */
    private ByteBuffer pageBuffer;
    private byte[] page = new byte[0];
    private int position;
    /** Where the current page's bytes end in {@link #page}, which may be a longer array (a pooled buffer, a chunk's). */
    private int pageEnd;
    private int remaining;
    private ValuesReader encoded;
    private boolean dictionaryPage;
    private byte[] scratch = new byte[64];
    private int offset;
    private int length;

    /** Whether {@code column} can be read this way: required and not repeated (no levels in its pages). */
    static boolean fits(ColumnDescriptor column) {
        return column.getMaxDefinitionLevel() == 0 && column.getMaxRepetitionLevel() == 0;
    }

    /** @param buffers where a compressed page is decompressed into, and given back after its values are read */
    BinaryPages(PageReader pages, ColumnDescriptor column, ByteBufferAllocator buffers) throws IOException {
        this.pages = pages;
        this.buffers = buffers;
        this.column = column;
        this.name = String.join(".", column.getPath());
        DictionaryPage page = pages.readDictionaryPage();
        this.dictionary = page == null ? null : page.getEncoding().initDictionary(column, page);
        this.entries = new byte[dictionary == null ? 0 : dictionary.getMaxId() + 1][];
        for (int id = 0; id < entries.length; id++) {
            entries[id] = dictionary.decodeToBinary(id).getBytes();
        }
    }

    /**
     * Moves to the next value: its dictionary id when its page is dictionary-encoded, else -1 and the value is
     * {@link #length()} bytes at {@link #offset()} in {@link #array()}.
     */
    int next() throws IOException {
        if (remaining == 0) {
            readPage();
        }
        remaining--;
        if (encoded == null) {
            byte[] bytes = page;
            int at = position;
            if (at + 4 > pageEnd) {
                throw new IllegalStateException("the " + name + " column's page ends before its values do");
            }
            int size = (bytes[at] & 0xff) | (bytes[at + 1] & 0xff) << 8 | (bytes[at + 2] & 0xff) << 16 | (bytes[at + 3] & 0xff) << 24;
            if (size < 0 || size > pageEnd - at - 4) {
                throw new IllegalStateException("a value of the " + name + " column runs past its page");
            }
            position = at + 4 + size;
            offset = at + 4;
            length = size;
            return -1;
        }
        if (dictionaryPage) {
            return encoded.readValueDictionaryId();
        }
        Binary value = encoded.readBytes();
        length = value.length();
        if (scratch.length < length) {
            scratch = new byte[length];
        }
        value.toByteBuffer().get(scratch, 0, length);
        offset = 0;
        return -1;
    }

    /** The array that holds the plain value {@link #next()} moved to. */
    byte[] array() {
        return encoded == null ? page : scratch;
    }

    int offset() {
        return offset;
    }

    int length() {
        return length;
    }

    /** The chunk's dictionary entries (none when it has no dictionary), each one's bytes. */
    byte[][] entries() {
        return entries;
    }

    private void readPage() throws IOException {
        DataPage data = pages.readPage();
        if (data == null) {
            throw new IllegalStateException("the " + name + " column ends before its row group");
        }
        BytesInput values;
        Encoding encoding;
        if (data instanceof DataPageV1 v1) {
            values = v1.getBytes();
            encoding = v1.getValueEncoding();
        } else if (data instanceof DataPageV2 v2) {
            values = v2.getData();
            encoding = v2.getDataEncoding();
        } else {
            throw new IllegalStateException("an unknown kind of Parquet page: " + data);
        }
        close();
        ByteBuffer bytes = values.toByteBuffer(buffers, allocated -> pageBuffer = allocated);
        int size = bytes.remaining();
        if (bytes.hasArray()) {
            page = bytes.array();
            position = bytes.arrayOffset() + bytes.position();
        } else {
            page = new byte[size];
            bytes.get(page);
            position = 0;
        }
        pageEnd = position + size;
        remaining = data.getValueCount();
        dictionaryPage = encoding.usesDictionary();
        if (encoding == Encoding.PLAIN) {
            encoded = null;
        } else {
            encoded = dictionaryPage ? encoding.getDictionaryBasedValuesReader(column, ValuesType.VALUES, dictionary)
                    : encoding.getValuesReader(column, ValuesType.VALUES);
            encoded.initFromPage(remaining, ByteBufferInputStream.wrap(ByteBuffer.wrap(page, position, size).slice()));
        }
    }

    /** Gives the current page's buffer back, if it took one; call once its values are read. */
    void close() {
        if (pageBuffer != null) {
            buffers.release(pageBuffer);
            pageBuffer = null;
        }
    }
}
