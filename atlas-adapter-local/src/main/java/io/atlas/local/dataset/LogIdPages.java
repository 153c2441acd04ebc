package io.atlas.local.dataset;

import java.io.IOException;
import java.nio.ByteBuffer;
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
 * The {@code log_id}s of one column chunk (a required, non-repeated text column, so its pages hold values only),
 * read page by page: a plain-encoded page is copied out once and each id is then a position in that array, with no
 * {@link Binary} or buffer per row; any other encoding (a dictionary, from another writer) goes through
 * parquet-java's own values reader and is copied into one scratch array. Not thread-safe.
 */
final class LogIdPages {
    static final int LOG_ID_LENGTH = 64;

    private final PageReader pages;
    private final ColumnDescriptor column;
    private final Dictionary dictionary;
    private byte[] page = new byte[0];
    private int position;
    private int remaining;
    private ValuesReader encoded;
    private final byte[] scratch = new byte[LOG_ID_LENGTH];
    private byte[] current = scratch;

    /** Whether {@code column} can be read this way: required and not repeated (no levels in its pages). */
    static boolean fits(ColumnDescriptor column) {
        return column.getMaxDefinitionLevel() == 0 && column.getMaxRepetitionLevel() == 0;
    }

    LogIdPages(PageReader pages, ColumnDescriptor column) throws IOException {
        this.pages = pages;
        this.column = column;
        DictionaryPage dictionaryPage = pages.readDictionaryPage();
        this.dictionary = dictionaryPage == null ? null : dictionaryPage.getEncoding().initDictionary(column, dictionaryPage);
    }

    /** Moves to the next id and returns its offset in {@link #array()}. */
    int next() throws IOException {
        if (remaining == 0) {
            readPage();
        }
        remaining--;
        if (encoded == null) {
            byte[] bytes = page;
            int at = position;
            int length = (bytes[at] & 0xff) | (bytes[at + 1] & 0xff) << 8 | (bytes[at + 2] & 0xff) << 16 | (bytes[at + 3] & 0xff) << 24;
            if (length != LOG_ID_LENGTH) {
                throw new IllegalStateException("a log_id of " + length + " bytes, expected 64 hex characters");
            }
            position = at + 4 + LOG_ID_LENGTH;
            current = bytes;
            return at + 4;
        }
        Binary id = encoded.readBytes();
        if (id.length() != LOG_ID_LENGTH) {
            throw new IllegalStateException("a log_id of " + id.length() + " bytes, expected 64 hex characters");
        }
        ByteBuffer bytes = id.toByteBuffer();
        bytes.get(scratch, 0, LOG_ID_LENGTH);
        current = scratch;
        return 0;
    }

    /** The array that holds the id {@link #next()} moved to. */
    byte[] array() {
        return current;
    }

    private void readPage() throws IOException {
        DataPage data = pages.readPage();
        if (data == null) {
            throw new IllegalStateException("the log_id column ends before its row group");
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
        page = values.toByteArray();
        position = 0;
        remaining = data.getValueCount();
        if (encoding == Encoding.PLAIN) {
            encoded = null;
        } else {
            encoded = encoding.usesDictionary() ? encoding.getDictionaryBasedValuesReader(column, ValuesType.VALUES, dictionary)
                    : encoding.getValuesReader(column, ValuesType.VALUES);
            encoded.initFromPage(remaining, ByteBufferInputStream.wrap(ByteBuffer.wrap(page)));
        }
    }
}
