package io.atlas.domain.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPOutputStream;

/** Builds file contents for tests. */
public final class Bytes {
    private Bytes() {}

    public static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    public static byte[] gzip(String text) {
        return gzip(utf8(text));
    }

    public static byte[] gzip(byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** A gzip of {@code inflatedBytes} zero bytes, produced in 64 KiB steps: the inflated content is never in memory. */
    public static byte[] gzipOfZeros(long inflatedBytes) {
        return gzipOfRepeated(new byte[64 * 1024], inflatedBytes);
    }

    /**
     * A gzip of the first {@code inflatedBytes} bytes of {@code unit} repeated (the last repetition cut short),
     * produced a unit at a time: the inflated content is never in memory.
     */
    public static byte[] gzipOfRepeated(byte[] unit, long inflatedBytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (OutputStream gzip = new GZIPOutputStream(out, 64 * 1024)) {
            long left = inflatedBytes;
            while (left > 0) {
                int n = (int) Math.min(unit.length, left);
                gzip.write(unit, 0, n);
                left -= n;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    public static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    /** {@code line} repeated {@code times} times, generated as it is read: a huge file that is never in memory. */
    public static InputStream repeated(byte[] line, long times) {
        return new InputStream() {
            private long served;
            private int position;

            @Override
            public int read() {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (served == times) {
                    return -1;
                }
                int n = Math.min(len, line.length - position);
                System.arraycopy(line, position, b, off, n);
                position += n;
                if (position == line.length) {
                    position = 0;
                    served++;
                }
                return n;
            }
        };
    }
}
