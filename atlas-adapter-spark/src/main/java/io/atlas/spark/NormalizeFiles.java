package io.atlas.spark;

import io.atlas.domain.lake.LogFormat;
import io.atlas.domain.normalize.FileCounts;
import io.atlas.domain.normalize.FileNormalizer;
import io.atlas.domain.normalize.NormalizationSettings;
import io.atlas.domain.normalize.NormalizedSink;
import io.atlas.domain.normalize.RejectRow;
import io.atlas.domain.record.CanonicalRecord;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;
import org.apache.spark.util.SerializableConfiguration;

/**
 * The executor side of normalize: for each validated file of the task ({@code "<format>\t<key>"}), streams it through
 * Hadoop's file system into the domain's {@link FileNormalizer} and emits one row per processed record, reject, and
 * the file's counts. The very parser and rules of the local engine, so the engines cannot drift.
 */
final class NormalizeFiles implements FlatMapFunction<Iterator<String>, Row> {
    private static final long serialVersionUID = 1L;
    private static final int QUEUE = 4096;

    private final LakeLocation lake;
    private final LocalDate processDate;
    private final NormalizationSettings settings;
    private final Broadcast<SerializableConfiguration> hadoop;

    NormalizeFiles(LakeLocation lake, LocalDate processDate, NormalizationSettings settings,
            Broadcast<SerializableConfiguration> hadoop) {
        this.lake = lake;
        this.processDate = processDate;
        this.settings = settings;
        this.hadoop = hadoop;
    }

    static String task(LogFormat format, String key) {
        return format.folder() + "\t" + key;
    }

    @Override
    public Iterator<Row> call(Iterator<String> tasks) {
        List<String> files = new ArrayList<>();
        tasks.forEachRemaining(files::add);
        Configuration configuration = hadoop.value().value();
        return new PushToPullIterator<Row>(QUEUE, "atlas-normalize-" + processDate, sink -> {
            FileNormalizer normalizer = new FileNormalizer(settings);
            NormalizedSink rows = new NormalizedSink() {
                @Override
                public void accept(CanonicalRecord record) {
                    sink.accept(SparkRows.record(record));
                }

                @Override
                public void reject(RejectRow row) {
                    sink.accept(SparkRows.reject(row));
                }
            };
            for (String task : files) {
                int tab = task.indexOf('\t');
                LogFormat format = LogFormat.fromFolder(task.substring(0, tab)).orElseThrow();
                String key = task.substring(tab + 1);
                Path path = lake.resolve(key);
                FileSystem fs = path.getFileSystem(configuration);
                try {
                    FileCounts counts = normalizer.normalize(format, key, () -> fs.open(path), processDate, rows);
                    sink.accept(SparkRows.counts(format, counts));
                } catch (io.atlas.domain.file.FileContentException e) {
                    throw new IllegalStateException("Cannot normalize " + key + ": " + e.reason() + " (" + e.detail()
                            + "); ingestion should have rejected it", e);
                } catch (java.io.IOException e) {
                    throw new IllegalStateException("Cannot normalize " + key + ": " + e.getMessage(), e);
                }
            }
        });
    }
}
