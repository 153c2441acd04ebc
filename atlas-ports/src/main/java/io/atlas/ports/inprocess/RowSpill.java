package io.atlas.ports.inprocess;

import io.atlas.domain.aggregate.ConcurrentLogIdSet;
import io.atlas.domain.aggregate.DistinctEvents;
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
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One aggregate worker's rows set aside for the later passes of a day whose ids do not fit in memory at once: the
 * first pass reads every file once, counts every row ahead ({@link DistinctEvents#countAhead}) and writes each row
 * of pass {@code k > 0} to this worker's file of pass {@code k}, so a later pass reads only its own rows, already
 * decoded, checks their ids and takes back the repeats. A row is its type, its id as 32 bytes, its status and its
 * three texts as codes (not its address, which the first pass counted): about 40 bytes. Memory is one write buffer
 * per later pass and one code per distinct text.
 *
 * <p>Codes: this worker numbers each distinct text once (by instance first, the scan hands out one {@code String}
 * per value of a chunk, then by value), and a file defines a code (its UTF-8 bytes inline) the first time it uses
 * it, so each file reads alone. A code is a varint: 0 for no text, {@code 2(code + 1)} for a code the file defined
 * before, {@code 2(code + 1) + 1} followed by the text's length and bytes for a definition. Round 7's rows carried
 * every text's bytes (about 80 bytes a row) and the reader looked each up again. The codes hold each distinct text
 * once, as the accumulator's maps hold them as keys. Not thread-safe.
 */
final class RowSpill implements AutoCloseable {
    private static final int BUFFER_BYTES = 32 * 1024;
    private static final LogType[] TYPES = LogType.values();
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle INTS = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
    /** A row's bytes beside its texts: the type, the id's four words and the status. */
    private static final int FIXED_BYTES = 1 + 32 + 4;
    /** The most bytes a varint of an {@code int} takes. */
    private static final int VARINT_BYTES = 5;
    private static final int CODE_SLOTS = 4096;

    private final Path directory;
    private final int worker;
    private final @Nullable OutputStream[] out;
    private final byte[][] buffers;
    private final int[] filled;
    private final @Nullable Path[] files;
    /** Recently written texts by instance, and their codes: a direct-mapped cache by the text's hash. */
    private final @Nullable String[] slotTexts = new String[CODE_SLOTS];
    private final int[] slotCodes = new int[CODE_SLOTS];
    /** Every text's code by value, and each code's UTF-8 bytes. */
    private final Map<String, Integer> codes = new HashMap<>();
    private final List<byte[]> utf8 = new ArrayList<>();
    /** The codes each pass's file has defined. */
    private final BitSet[] defined;

    RowSpill(Path directory, int worker, int passes) {
        this.directory = directory;
        this.worker = worker;
        this.out = new OutputStream[passes];
        this.buffers = new byte[passes][];
        this.filled = new int[passes];
        this.files = new Path[passes];
        this.defined = new BitSet[passes];
    }

    /** Sets a row aside for {@code pass} (1 or more); the id is 64 hex characters at {@code offset}. */
    void write(int pass, LogType logType, byte[] logId, int offset, int statusCode, @Nullable String device,
            String requestType, String appName) {
        int deviceCode = device == null ? -1 : code(device);
        int typeCode = code(requestType);
        int appCode = code(appName);
        BitSet known = defined[pass];
        if (known == null) {
            known = new BitSet();
            defined[pass] = known;
        }
        // room for the worst case, each code a definition: a reference is shorter
        int length = FIXED_BYTES + maxCodeBytes(deviceCode) + maxCodeBytes(typeCode) + maxCodeBytes(appCode);
        try {
            byte[] buffer = room(pass, length);
            int at = filled[pass];
            buffer[at++] = (byte) logType.ordinal();
            for (int word = 0; word < 4; word++, at += 8) {
                LONGS.set(buffer, at, ConcurrentLogIdSet.word(logId, offset + 16 * word));
            }
            INTS.set(buffer, at, statusCode);
            at = putCode(buffer, at + 4, known, deviceCode);
            at = putCode(buffer, at, known, typeCode);
            filled[pass] = putCode(buffer, at, known, appCode);
        } catch (IOException e) {
            throw new EngineException(ErrorCategory.TRANSIENT, "Cannot set aside rows for a later aggregate pass in "
                    + directory + ": " + e.getMessage(), e);
        }
    }

    /** The code of {@code text}: that of the same instance written before, if still in its slot, else by value. */
    private int code(String text) {
        int slot = text.hashCode() & (CODE_SLOTS - 1);
        if (slotTexts[slot] == text) {
            return slotCodes[slot];
        }
        Integer known = codes.get(text);
        int code;
        if (known == null) {
            code = utf8.size();
            utf8.add(text.getBytes(StandardCharsets.UTF_8));
            codes.put(text, code);
        } else {
            code = known;
        }
        slotTexts[slot] = text;
        slotCodes[slot] = code;
        return code;
    }

    /** The most bytes {@link #putCode} writes for {@code code} (-1: no text): a definition's. */
    private int maxCodeBytes(int code) {
        return code < 0 ? 1 : 2 * VARINT_BYTES + utf8.get(code).length;
    }

    private int putCode(byte[] buffer, int at, BitSet known, int code) {
        if (code < 0) {
            buffer[at] = 0;
            return at + 1;
        }
        if (known.get(code)) {
            return putVarint(buffer, at, 2 * (code + 1));
        }
        known.set(code);
        byte[] text = utf8.get(code);
        at = putVarint(buffer, putVarint(buffer, at, 2 * (code + 1) + 1), text.length);
        System.arraycopy(text, 0, buffer, at, text.length);
        return at + text.length;
    }

    private static int putVarint(byte[] buffer, int at, int value) {
        while ((value & ~0x7F) != 0) {
            buffer[at++] = (byte) ((value & 0x7F) | 0x80);
            value >>>= 7;
        }
        buffer[at] = (byte) value;
        return at + 1;
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

    /**
     * Gives every row of a file that {@link #write} wrote to {@code events}, the scanner of that file's pass
     * ({@link DistinctEvents#checkingRowsCountedAhead}).
     */
    static void read(Path file, DistinctEvents events) {
        try (InputStream in = Files.newInputStream(file)) {
            Window window = new Window(in);
            while (window.more()) {
                window.need(FIXED_BYTES);
                byte[] b = window.buffer;
                int at = window.position;
                int type = b[at];
                long w0 = (long) LONGS.get(b, at + 1);
                long w1 = (long) LONGS.get(b, at + 9);
                long w2 = (long) LONGS.get(b, at + 17);
                long w3 = (long) LONGS.get(b, at + 25);
                int status = (int) INTS.get(b, at + 33);
                window.position = at + FIXED_BYTES;
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

    /** A file read through one buffer that slides over it and grows to the longest text, and the file's codes. */
    private static final class Window {
        private final InputStream in;
        private final List<@Nullable String> texts = new ArrayList<>();
        byte[] buffer = new byte[BUFFER_BYTES];
        int position;
        private int limit;

        Window(InputStream in) {
            this.in = in;
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

        /** The text of the next code: one defined before, or defined here. */
        @Nullable String text() throws IOException {
            int value = varint();
            if (value == 0) {
                return null;
            }
            int code = (value >>> 1) - 1;
            if ((value & 1) == 0) {
                String text = code < texts.size() ? texts.get(code) : null;
                if (text == null) {
                    throw new IllegalStateException("a text code used before it is defined");
                }
                return text;
            }
            int length = varint();
            if (length < 0) {
                throw new IllegalStateException("a text of negative length");
            }
            need(length);
            String text = new String(buffer, position, length, StandardCharsets.UTF_8);
            position += length;
            while (texts.size() <= code) {
                texts.add(null);
            }
            texts.set(code, text);
            return text;
        }

        private int varint() throws IOException {
            int value = 0;
            for (int shift = 0; shift < 7 * VARINT_BYTES; shift += 7) {
                need(1);
                int b = buffer[position++];
                value |= (b & 0x7F) << shift;
                if (b >= 0) {
                    return value;
                }
            }
            throw new IllegalStateException("a varint longer than " + VARINT_BYTES + " bytes");
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
