package io.atlas.local.dataset;

import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;

/** Maps one table's rows to and from Avro records; partition columns are not stored in the files, only in the path. */
interface RowCodec<R> {
    Schema schema();

    GenericRecord encode(R row);

    R decode(GenericRecord record, List<String> partition);
}
