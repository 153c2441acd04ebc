package io.atlas.local.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.EOFException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.parquet.io.SeekableInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChannelInputFileTest {
    @TempDir
    Path dir;

    @Test
    void readsSeeksAndRefusesToReadPastTheEnd() throws Exception {
        Path file = dir.resolve("f.bin");
        byte[] content = new byte[10_000];
        for (int i = 0; i < content.length; i++) {
            content[i] = (byte) (i * 7);
        }
        Files.write(file, content);
        ChannelInputFile input = new ChannelInputFile(file);
        assertThat(input.getLength()).isEqualTo(10_000);
        try (SeekableInputStream in = input.newStream()) {
            in.seek(9_000);
            assertThat(in.getPos()).isEqualTo(9_000);
            assertThat(in.read()).isEqualTo(content[9_000] & 0xFF);
            ByteBuffer buffer = ByteBuffer.allocate(999);
            in.readFully(buffer);
            assertThat(buffer.array()).isEqualTo(java.util.Arrays.copyOfRange(content, 9_001, 10_000));
            assertThat(in.read()).isEqualTo(-1);
            in.seek(9_990);
            byte[] tail = new byte[20];
            assertThatThrownBy(() -> in.readFully(tail, 5, 15)).isInstanceOf(EOFException.class);
            in.seek(10);
            byte[] some = new byte[4];
            in.readFully(some);
            assertThat(some).containsExactly(content[10], content[11], content[12], content[13]);
        }
    }
}
