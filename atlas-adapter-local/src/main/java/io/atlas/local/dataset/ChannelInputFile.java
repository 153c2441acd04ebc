package io.atlas.local.dataset;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.apache.parquet.io.InputFile;
import org.apache.parquet.io.SeekableInputStream;

/**
 * A local Parquet file read through a {@link FileChannel}: a column chunk is read straight into the buffer the reader
 * hands over. parquet-java's {@code LocalInputFile} reads each chunk into a new array of its size first and copies
 * it over, so every byte the aggregate read was allocated twice (half of the scan's garbage).
 */
final class ChannelInputFile implements InputFile {
    private final Path path;

    ChannelInputFile(Path path) {
        this.path = path;
    }

    @Override
    public long getLength() throws IOException {
        return Files.size(path);
    }

    @Override
    public SeekableInputStream newStream() throws IOException {
        return new ChannelStream(FileChannel.open(path, StandardOpenOption.READ));
    }

    @Override
    public String toString() {
        return path.toString();
    }

    private static final class ChannelStream extends SeekableInputStream {
        private final FileChannel channel;

        ChannelStream(FileChannel channel) {
            this.channel = channel;
        }

        @Override
        public long getPos() throws IOException {
            return channel.position();
        }

        @Override
        public void seek(long newPos) throws IOException {
            channel.position(newPos);
        }

        @Override
        public int read() throws IOException {
            ByteBuffer one = ByteBuffer.allocate(1);
            return channel.read(one) < 1 ? -1 : one.get(0) & 0xFF;
        }

        @Override
        public int read(byte[] bytes, int offset, int length) throws IOException {
            return length == 0 ? 0 : channel.read(ByteBuffer.wrap(bytes, offset, length));
        }

        @Override
        public void readFully(byte[] bytes) throws IOException {
            readFully(ByteBuffer.wrap(bytes));
        }

        @Override
        public void readFully(byte[] bytes, int start, int len) throws IOException {
            readFully(ByteBuffer.wrap(bytes, start, len));
        }

        @Override
        public int read(ByteBuffer buffer) throws IOException {
            return buffer.hasRemaining() ? channel.read(buffer) : 0;
        }

        @Override
        public void readFully(ByteBuffer buffer) throws IOException {
            while (buffer.hasRemaining()) {
                if (channel.read(buffer) < 0) {
                    throw new EOFException("Reached the end of the file with " + buffer.remaining() + " bytes left to read");
                }
            }
        }

        @Override
        public void close() throws IOException {
            channel.close();
        }
    }
}
