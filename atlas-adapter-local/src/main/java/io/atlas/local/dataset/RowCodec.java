package io.atlas.local.dataset;

import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;

/** Writes one table's rows to Parquet and reads them back from Avro records; partition columns are not stored in the files, only in the path. */
interface RowCodec<R> {
    Schema schema();

    /**
     * Writes the row's fields straight to Parquet (same columns as {@link #schema()}), for the write path; text
     * values of dictionary columns go through the writing thread's {@code texts}.
     */
    void write(R row, org.apache.parquet.io.api.RecordConsumer consumer, TextBinaries texts);

    R decode(GenericRecord record, List<String> partition);
}
