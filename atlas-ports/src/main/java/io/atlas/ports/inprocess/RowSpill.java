package io.atlas.ports.inprocess;

import io.atlas.domain.aggregate.ConcurrentLogIdSet;
import io.atlas.domain.aggregate.DistinctEvents;
import io.atlas.domain.file.TextCache;
import io.atlas.domain.lake.LogType;
import io.atlas.ports.ErrorCategory;
import io.atlas.ports.engine.EngineException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One aggregate worker's rows set aside for the later passes of a day whose ids do not fit in memory at once: the
 * first pass reads every file once and writes each row of pass {@code k > 0} to this worker's file of pass
 * {@code k} (its id as 32 bytes, its type, status and the texts the accumulator counts; not its address, which the
 * first pass counted), so a later pass reads only its own rows, already decoded, instead of every file again. Memory
 * is one write buffer per later pass. Rows are encoded into plain byte arrays (no stream with a lock per call).
 * A text's UTF-8 bytes are kept by its instance ({@link #utf8}: the scan hands out one {@code String} per value of a
 * chunk), and the reader hands out one {@code String} per distinct text ({@link TextCache}): under {@code -Xmx512m},
 * a new array per text written and a new {@code String} per text read were most of the aggregate's allocation.
 * Not thread-safe.
 */
final class RowSpill implements AutoCloseable {
    private static final int BUFFER_BYTES = 32 * 1024;
    private static final LogType[] TYPES = LogType.values();
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle INTS = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
    /** A row's bytes beside its texts: the type, the id's four words, the status and the texts' three lengths. */
    private static final int FIXED_BYTES = 1 + 32 + 4 + 3 * 4;
    private static final int UTF8_SLOTS = 4096;

    private final Path directory;
    private final int worker;
    private final @Nullable OutputStream[] out;
    private final byte[][] buffers;
    private final int[] filled;
    private final @Nullable Path[] files;
    /** Recently written texts by instance, and their UTF-8 bytes: a direct-mapped cache by the text's hash. */
    private final @Nullable String[] utf8Texts = new String[UTF8_SLOTS];
    private final byte[][] utf8Bytes = new byte[UTF8_SLOTS][];

    RowSpill(Path directory, int worker, int passes) {
        this.directory = directory;
        this.worker = worker;
        this.out = new OutputStream[passes];
        this.buffers = new byte[passes][];
        this.filled = new int[passes];
        this.files = new Path[passes];
    }

    /** Sets a row aside for {@code pass} (1 or more); the id is 64 hex characters at {@code offset}. */
    void write(int pass, LogType logType, byte[] logId, int offset, int statusCode, @Nullable String device,
            String requestType, String appName) {
        byte[] deviceBytes = device == null ? null : utf8(device);
        byte[] typeBytes = utf8(requestType);
        byte[] appBytes = utf8(appName);
        int length = FIXED_BYTES + (deviceBytes == null ? 0 : deviceBytes.length) + typeBytes.length + appBytes.length;
        try {
            byte[] buffer = room(pass, length);
            int at = filled[pass];
            buffer[at++] = (byte) logType.ordinal();
            for (int word = 0; word < 4; word++, at += 8) {
                LONGS.set(buffer, at, ConcurrentLogIdSet.word(logId, offset + 16 * word));
            }
            INTS.set(buffer, at, statusCode);
            at = putText(buffer, at + 4, deviceBytes);
            at = putText(buffer, at, typeBytes);
            filled[pass] = putText(buffer, at, appBytes);
        } catch (IOException e) {
            throw new EngineException(ErrorCategory.TRANSIENT, "Cannot set aside rows for a later aggregate pass in "
                    + directory + ": " + e.getMessage(), e);
        }
    }

    /** The UTF-8 bytes of {@code text}: those of the same instance written before, if still in its slot. */
    private byte[] utf8(String text) {
        int slot = text.hashCode() & (UTF8_SLOTS - 1);
        if (utf8Texts[slot] == text) {
            return utf8Bytes[slot];
        }
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        utf8Texts[slot] = text;
        utf8Bytes[slot] = bytes;
        return bytes;
    }

    /** The files this worker wrote for {@code pass}, after {@link #close()}: none or one. */
    List<Path> files(int pass) {
        Path file = files[pass];
        return file == null ? List.of() : List.of(file);
    }

    @Override
    public void close() {
        IOException failure = null;
        for (int pass = 0; pass < out.length; pass++) {
            OutputStream file = out[pass];
            if (file != null) {
                out[pass] = null;
                try (file) {
                    file.write(buffers[pass], 0, filled[pass]);
                } catch (IOException e) {
                    failure = e;
                }
                buffers[pass] = null;
            }
        }
        if (failure != null) {
            throw new EngineException(ErrorCategory.TRANSIENT, "Cannot write the rows set aside in " + directory
                    + ": " + failure.getMessage(), failure);
        }
    }

    /** The buffer of {@code pass} with room for {@code length} more bytes: opened, flushed or grown as needed. */
    private byte[] room(int pass, int length) throws IOException {
        OutputStream file = out[pass];
        if (file == null) {
            Path path = directory.resolve("pass-" + pass + "-worker-" + worker);
            file = Files.newOutputStream(path);
            out[pass] = file;
            files[pass] = path;
            buffers[pass] = new byte[Math.max(BUFFER_BYTES, length)];
        }
        byte[] buffer = buffers[pass];
        if (filled[pass] + length > buffer.length) {
            file.write(buffer, 0, filled[pass]);
            filled[pass] = 0;
            if (length > buffer.length) {
                buffer = new byte[length];
                buffers[pass] = buffer;
            }
        }
        return buffer;
    }

    private static int putText(byte[] buffer, int at, byte @Nullable [] text) {
        if (text == null) {
            INTS.set(buffer, at, -1);
            return at + 4;
        }
        INTS.set(buffer, at, text.length);
        System.arraycopy(text, 0, buffer, at + 4, text.length);
        return at + 4 + text.length;
    }

    /** Adds every row of a file that {@link #write} wrote to {@code events}, the scanner of that file's pass. */
    static void read(Path file, DistinctEvents events) {
        try (InputStream in = Files.newInputStream(file)) {
            Window window = new Window(in, new TextCache());
            while (window.more()) {
                window.need(FIXED_BYTES - 3 * 4);
                byte[] b = window.buffer;
                int at = window.position;
                int type = b[at];
                long w0 = (long) LONGS.get(b, at + 1);
                long w1 = (long) LONGS.get(b, at + 9);
                long w2 = (long) LONGS.get(b, at + 17);
                long w3 = (long) LONGS.get(b, at + 25);
                int status = (int) INTS.get(b, at + 33);
                window.position = at + 37;
                String device = window.text();
                String requestType = window.text();
                String appName = window.text();
                if (type < 0 || type >= TYPES.length || requestType == null || appName == null) {
                    throw new IllegalStateException("a row of an unknown type or without its request type or app");
                }
                events.add(TYPES[type], w0, w1, w2, w3, status, device, requestType, appName);
            }
        } catch (IllegalStateException e) {
            throw new EngineException(ErrorCategory.INTERNAL, "Cannot read the rows set aside in " + file + ": "
                    + e.getMessage(), e);
        } catch (IOException e) {
            throw new EngineException(ErrorCategory.TRANSIENT, "Cannot read the rows set aside in " + file + ": "
                    + e.getMessage(), e);
        }
    }

    /** A file read through one buffer that slides over it and grows to the longest text. */
    private static final class Window {
        private final InputStream in;
        private final TextCache texts;
        byte[] buffer = new byte[BUFFER_BYTES];
        int position;
        private int limit;

        Window(InputStream in, TextCache texts) {
            this.in = in;
            this.texts = texts;
        }

        /** Whether bytes remain. */
        boolean more() throws IOException {
            return limit > position || fill(1);
        }

        /** Makes {@code bytes} bytes available from {@link #position}; a file that ends before is corrupt. */
        void need(int bytes) throws IOException {
            if (limit - position < bytes && !fill(bytes)) {
                throw new IllegalStateException("the file is cut short");
            }
        }

        @Nullable String text() throws IOException {
            need(4);
            int length = (int) INTS.get(buffer, position);
            position += 4;
            if (length < 0) {
                return null;
            }
            need(length);
            String text = texts.text(buffer, position, length);
            position += length;
            return text;
        }

        private boolean fill(int bytes) throws IOException {
            int kept = limit - position;
            if (bytes > buffer.length) {
                byte[] larger = new byte[bytes];
                System.arraycopy(buffer, position, larger, 0, kept);
                buffer = larger;
            } else {
                System.arraycopy(buffer, position, buffer, 0, kept);
            }
            position = 0;
            limit = kept;
            while (limit < bytes) {
                int read = in.read(buffer, limit, buffer.length - limit);
                if (read < 0) {
                    return false;
                }
                limit += read;
            }
            return true;
        }
    }
}
