package io.atlas.spark;

import io.atlas.domain.file.NdjsonRanges;
import io.atlas.domain.normalize.FileCounts;
import io.atlas.domain.normalize.FileNormalizer;
import io.atlas.domain.normalize.NormalizationSettings;
import io.atlas.domain.normalize.NormalizedSink;
import io.atlas.domain.normalize.RejectRow;
import io.atlas.domain.normalize.SplitFileNormalizer;
import io.atlas.domain.record.CanonicalRecord;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Consumer;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;
import org.apache.spark.util.SerializableConfiguration;

/**
 * The executor side of normalize: for each {@link NormalizePlan.Item} of the task, streams the file (or the range of
 * it) through Hadoop's file system into the domain's {@link FileNormalizer} (or {@link SplitFileNormalizer}) and emits
 * one row per processed record and reject, and the piece's counts. The very parser and rules of the local engine, so
 * the engines cannot drift.
 */
final class NormalizeFiles implements FlatMapFunction<Iterator<List<NormalizePlan.Item>>, Row> {
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

    @Override
    public Iterator<Row> call(Iterator<List<NormalizePlan.Item>> tasks) {
        List<NormalizePlan.Item> items = new ArrayList<>();
        tasks.forEachRemaining(items::addAll);
        Configuration configuration = hadoop.value().value();
        return new PushToPullIterator<Row>(QUEUE, "atlas-normalize-" + processDate, sink -> {
            FileNormalizer whole = new FileNormalizer(settings);
            SplitFileNormalizer ranges = new SplitFileNormalizer(settings);
            for (NormalizePlan.Item item : items) {
                Path path = lake.resolve(item.key());
                FileSystem fs = path.getFileSystem(configuration);
                try {
                    if (item.whole()) {
                        FileCounts counts = whole.normalize(item.logFormat(), item.key(), () -> fs.open(path), processDate,
                                rows(sink, item));
                        sink.accept(SparkRows.counts(item.logFormat(), counts));
                    } else {
                        NdjsonRanges.Opener opener = offset -> {
                            FSDataInputStream in = fs.open(path);
                            in.seek(offset);
                            return in;
                        };
                        SplitFileNormalizer.RangeSummary summary = ranges.normalizeRangeStreaming(item.key(),
                                new NdjsonRanges.Range(item.start(), item.end()), opener, processDate, rows(sink, item),
                                (reject, dayless) -> sink.accept(SparkRows.reject(reject, item, dayless)));
                        sink.accept(SparkRows.range(item, summary));
                    }
                } catch (io.atlas.domain.file.FileContentException e) {
                    throw new IllegalStateException("Cannot normalize " + item.key() + ": " + e.reason() + " (" + e.detail()
                            + "); ingestion should have rejected it", e);
                } catch (IOException e) {
                    throw new IllegalStateException("Cannot normalize " + item.key() + ": " + e.getMessage(), e);
                }
            }
        });
    }

    private static NormalizedSink rows(Consumer<Row> sink, NormalizePlan.Item item) {
        return new NormalizedSink() {
            @Override
            public void accept(CanonicalRecord record) {
                sink.accept(SparkRows.record(record));
            }

            @Override
            public void reject(RejectRow row) {
                sink.accept(SparkRows.reject(row, item, false));
            }
        };
    }
}
