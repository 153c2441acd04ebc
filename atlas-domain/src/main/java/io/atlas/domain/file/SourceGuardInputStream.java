package io.atlas.domain.file;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Marks every failure of the underlying storage as a {@link SourceReadException}, so it is never mistaken for bad content. */
final class SourceGuardInputStream extends FilterInputStream {
    SourceGuardInputStream(InputStream in) {
        super(in);
    }

    @Override
    public int read() throws IOException {
        try {
            return super.read();
        } catch (SourceReadException e) {
            throw e;
        } catch (IOException e) {
            throw new SourceReadException(e);
        }
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        try {
            return super.read(b, off, len);
        } catch (SourceReadException e) {
            throw e;
        } catch (IOException e) {
            throw new SourceReadException(e);
        }
    }

    @Override
    public long skip(long n) throws IOException {
        try {
            return super.skip(n);
        } catch (IOException e) {
            throw new SourceReadException(e);
        }
    }
}
