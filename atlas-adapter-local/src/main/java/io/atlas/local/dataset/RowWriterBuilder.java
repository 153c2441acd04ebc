package io.atlas.local.dataset;

import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.conf.ParquetConfiguration;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.io.OutputFile;

/** A Parquet writer builder over Atlas's own write support (no Avro record per row). */
final class RowWriterBuilder<R> extends ParquetWriter.Builder<R, RowWriterBuilder<R>> {
    private final WriteSupport<R> writeSupport;

    RowWriterBuilder(OutputFile file, WriteSupport<R> writeSupport) {
        super(file);
        this.writeSupport = writeSupport;
    }

    @Override
    protected RowWriterBuilder<R> self() {
        return this;
    }

    @Override
    protected WriteSupport<R> getWriteSupport(Configuration configuration) {
        return writeSupport;
    }

    @Override
    protected WriteSupport<R> getWriteSupport(ParquetConfiguration configuration) {
        return writeSupport;
    }
}
