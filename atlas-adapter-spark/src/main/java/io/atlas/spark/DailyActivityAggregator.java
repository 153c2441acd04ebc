package io.atlas.spark;

import io.atlas.domain.aggregate.DailyActivityAccumulator;
import io.atlas.domain.aggregate.EventFacts;
import io.atlas.domain.lake.LogType;
import org.apache.spark.sql.Encoder;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Aggregator;

/**
 * The domain's {@link DailyActivityAccumulator} as a Spark {@link Aggregator} over distinct events: rows of
 * (log_type as a {@link LogType} name, status_code, ip_address, device, request_type, app_name, occurrences), one per {@code log_id}. Partial
 * accumulators merge by sums and set unions, so any partitioning gives exactly the local engine's row.
 */
final class DailyActivityAggregator extends Aggregator<Row, DailyActivityAccumulator, DailyActivityAccumulator> {
    private static final long serialVersionUID = 1L;

    @Override
    public DailyActivityAccumulator zero() {
        return new DailyActivityAccumulator();
    }

    @Override
    public DailyActivityAccumulator reduce(DailyActivityAccumulator accumulator, Row event) {
        EventFacts facts = new EventFacts(LogType.valueOf(event.getString(0)), event.getInt(1),
                event.getString(2), event.isNullAt(3) ? null : event.getString(3), event.getString(4), event.getString(5));
        return accumulator.addDistinctEvent(facts, event.getLong(6));
    }

    @Override
    public DailyActivityAccumulator merge(DailyActivityAccumulator left, DailyActivityAccumulator right) {
        return left.merge(right);
    }

    @Override
    public DailyActivityAccumulator finish(DailyActivityAccumulator accumulator) {
        return accumulator;
    }

    @Override
    public Encoder<DailyActivityAccumulator> bufferEncoder() {
        return Encoders.javaSerialization(DailyActivityAccumulator.class);
    }

    @Override
    public Encoder<DailyActivityAccumulator> outputEncoder() {
        return Encoders.javaSerialization(DailyActivityAccumulator.class);
    }
}
