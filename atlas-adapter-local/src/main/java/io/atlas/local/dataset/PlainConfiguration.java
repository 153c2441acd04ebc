package io.atlas.local.dataset;

import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.bytes.ByteBufferAllocator;
import org.apache.parquet.column.ParquetProperties;
import org.apache.parquet.compression.CompressionCodecFactory;
import org.apache.parquet.hadoop.CodecFactory;
import org.apache.parquet.conf.ParquetConfiguration;
import org.apache.parquet.conf.PlainParquetConfiguration;

/**
 * The Parquet configuration of every local read and write: a plain one, not Hadoop's. parquet-java's defaults build a
 * Hadoop {@code Configuration} with its default resources, which parses {@code core-default.xml} and starts Hadoop's
 * {@code Shell} (a child process) on first use: a third of a second of a small day's run, for settings Atlas never
 * reads (it passes every option it uses explicitly). The codecs (snappy) still take a Hadoop configuration: an empty
 * one, without the default resources.
 */
final class PlainConfiguration {
    private PlainConfiguration() {}

    static ParquetConfiguration get() {
        return new PlainParquetConfiguration();
    }

    /** A codec factory over an empty Hadoop configuration; one per reader or writer, which releases it when closed. */
    static CompressionCodecFactory codecs() {
        return new CodecFactory(new Configuration(false), ParquetProperties.DEFAULT_PAGE_SIZE);
    }

    /** Read options over the plain configuration, for {@code ParquetFileReader.open(file, options)}. */
    static ParquetReadOptions readOptions() {
        return ParquetReadOptions.builder(get()).withCodecFactory(codecs()).build();
    }

    /** {@link #readOptions()} whose column chunks are read into {@code buffers}' arrays. */
    static ParquetReadOptions readOptions(ByteBufferAllocator buffers) {
        return ParquetReadOptions.builder(get()).withCodecFactory(codecs()).withAllocator(buffers).build();
    }
}
