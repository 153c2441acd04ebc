package io.atlas.local.dataset;

import java.util.HashMap;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.conf.ParquetConfiguration;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.io.api.RecordConsumer;
import org.apache.parquet.schema.MessageType;

/**
 * Writes rows straight to Parquet's record consumer, without an intermediate Avro record per row: the hot path of
 * normalize. The schema is the one {@link RowCodec} declares, so files read back through Avro as before.
 */
final class RowWriteSupport<R> extends WriteSupport<R> {
    /** Emits one row's fields to the consumer, between startMessage and endMessage. */
    interface RowWriter<R> {
        void write(R row, RecordConsumer consumer, TextBinaries texts);
    }

    private final MessageType schema;
    private final RowWriter<R> writer;
    private RecordConsumer consumer;
    /** One writer per thread's file, so one cache per thread. */
    private final TextBinaries texts = new TextBinaries();

    RowWriteSupport(MessageType schema, RowWriter<R> writer) {
        this.schema = schema;
        this.writer = writer;
    }

    @Override
    public WriteContext init(Configuration configuration) {
        return new WriteContext(schema, new HashMap<>());
    }

    /** The same context without a Hadoop configuration (see {@link PlainConfiguration}). */
    @Override
    public WriteContext init(ParquetConfiguration configuration) {
        return new WriteContext(schema, new HashMap<>());
    }

    @Override
    public void prepareForWrite(RecordConsumer recordConsumer) {
        this.consumer = recordConsumer;
    }

    @Override
    public void write(R row) {
        consumer.startMessage();
        writer.write(row, consumer, texts);
        consumer.endMessage();
    }
}
