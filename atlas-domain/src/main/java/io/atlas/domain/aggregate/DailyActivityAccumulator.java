package io.atlas.domain.aggregate;

import static java.util.Objects.requireNonNull;

import io.atlas.domain.lake.LogType;
import com.carrotsearch.hppc.IntLongHashMap;
import com.carrotsearch.hppc.ObjectLongHashMap;
import com.carrotsearch.hppc.procedures.IntLongProcedure;
import com.carrotsearch.hppc.procedures.ObjectLongProcedure;
import io.atlas.domain.record.CanonicalRecord;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * The daily aggregate of SPEC §4 as a mergeable accumulator, shared by every engine so they cannot drift.
 *
 * <p>Exact duplicates (same {@code log_id}) count once, so the accumulator is fed <em>distinct</em> events: each
 * {@code log_id} once, with the number of processed rows that carried it. An engine deduplicates by
 * {@code log_id} first (a hash set, a shuffle on {@code log_id}); partial accumulators over disjoint sets of
 * {@code log_id}s then merge in any order and grouping to exactly the same row, because every field is a sum or a
 * set union.
 */
public final class DailyActivityAccumulator implements Serializable {
    private static final long serialVersionUID = 2L;

    private long rows;
    private long distinct;
    private long accessEvents;
    private long errorEvents;
    private long clientErrors;
    private long serverErrors;
    private final DistinctIpAddresses ips = new DistinctIpAddresses();
    // Open-addressing maps with the counts inline (HPPC): a row's count is one probe of the keys and one write of
    // the counts, where a HashMap<String, long[]> read a bucket, a node and a boxed counter, each a cache miss on
    // a day of thousands of agents. Not Serializable themselves: see writeObject.
    private transient ObjectLongHashMap<String> byDevice = new ObjectLongHashMap<>();
    private transient ObjectLongHashMap<String> byType = new ObjectLongHashMap<>();
    private transient ObjectLongHashMap<String> byApp = new ObjectLongHashMap<>();
    private transient IntLongHashMap byErrorCode = new IntLongHashMap();

    /** Adds one distinct event that {@code occurrences} processed rows carried (1 when it was not duplicated). */
    public DailyActivityAccumulator addDistinctEvent(EventFacts event, long occurrences) {
        addDistinctEventCountingIpApart(event, occurrences);
        ips.add(event.ipAddress());
        return this;
    }

    /**
     * {@link #addDistinctEvent} for a caller that counts the day's addresses itself (in {@link IpShare}s, when they
     * do not fit in memory at once) and gives the count to {@link #result(LocalDate, long, long, long)}.
     */
    DailyActivityAccumulator addDistinctEventCountingIpApart(EventFacts event, long occurrences) {
        if (occurrences < 1) {
            throw new IllegalArgumentException("An event occurs at least once, got " + occurrences);
        }
        rows += occurrences - 1;
        return addDistinctEventCountingIpApart(event.logType(), event.statusCode(), event.device(), event.requestType(),
                event.appName());
    }

    /** {@link #addDistinctEventCountingIpApart(EventFacts, long)} of an event seen once, given by its facts. */
    DailyActivityAccumulator addDistinctEventCountingIpApart(LogType logType, int statusCode, @Nullable String device,
            String requestType, String appName) {
        requireNonNull(logType, "logType is null");
        requireNonNull(requestType, "requestType is null");
        requireNonNull(appName, "appName is null");
        return tally(logType, statusCode, device, requestType, appName, 1);
    }

    /**
     * Takes back an event {@link #addDistinctEventCountingIpApart(LogType, int, String, String, String) added} before
     * its id was checked (here or in another accumulator of the same day, merged later), once its id turned out to be
     * a repeat: a day aggregated in passes counts a later pass's rows as they are first read and lets that pass take
     * back its duplicates. The counts of one accumulator may go below zero; merged, they are the day's.
     */
    DailyActivityAccumulator retractDistinctEvent(LogType logType, int statusCode, @Nullable String device,
            String requestType, String appName) {
        return tally(logType, statusCode, device, requestType, appName, -1);
    }

    /** Adds {@code delta} (1 or -1) distinct events of these facts to every count they are in. */
    private DailyActivityAccumulator tally(LogType logType, int statusCode, @Nullable String device, String requestType,
            String appName, int delta) {
        rows += delta;
        distinct += delta;
        byType.addTo(requestType, delta);
        byApp.addTo(appName, delta);
        if (logType == LogType.ACCESS) {
            accessEvents += delta;
            if (statusCode >= 400 && statusCode <= 499) {
                clientErrors += delta;
            } else if (statusCode >= 500 && statusCode <= 599) {
                serverErrors += delta;
            }
            if (device != null) {
                byDevice.addTo(device, delta);
            }
        } else {
            errorEvents += delta;
            byErrorCode.addTo(statusCode, delta);
        }
        return this;
    }

    /** Counts processed rows that repeated an event already added (they count in {@code duplicate_records} only). */
    public DailyActivityAccumulator addDuplicateRows(long count) {
        if (count < 0) {
            throw new IllegalArgumentException("A duplicate count cannot be negative, got " + count);
        }
        rows += count;
        return this;
    }

    /** Adds {@code other} (built over other {@code log_id}s) into this accumulator and returns this. */
    public DailyActivityAccumulator merge(DailyActivityAccumulator other) {
        rows += other.rows;
        distinct += other.distinct;
        accessEvents += other.accessEvents;
        errorEvents += other.errorEvents;
        clientErrors += other.clientErrors;
        serverErrors += other.serverErrors;
        ips.addAll(other.ips);
        other.byDevice.forEach((ObjectLongProcedure<String>) byDevice::addTo);
        other.byType.forEach((ObjectLongProcedure<String>) byType::addTo);
        other.byApp.forEach((ObjectLongProcedure<String>) byApp::addTo);
        other.byErrorCode.forEach((IntLongProcedure) byErrorCode::addTo);
        return this;
    }

    /** The day's row; {@code rejectedRecords} is the count of the day's row-level rejects. */
    public DailyActivity result(LocalDate date, long rejectedRecords) {
        return result(date, rejectedRecords, ips.size(), 0);
    }

    /**
     * The day's row with {@code uniqueIps} counted apart (see {@link #addDistinctEventCountingIpApart}) and
     * {@code duplicateRows} more rows that repeated an event, without changing this accumulator.
     */
    DailyActivity result(LocalDate date, long rejectedRecords, long uniqueIps, long duplicateRows) {
        TreeMap<String, Long> codes = new TreeMap<>();
        byErrorCode.forEach((IntLongProcedure) (code, n) -> {
            if (n != 0) {
                codes.put(Integer.toString(code), n);
            }
        });
        return new DailyActivity(date, accessEvents, errorEvents, clientErrors, serverErrors, uniqueIps,
                counts(byDevice), counts(byType), counts(byApp), codes, rows + duplicateRows - distinct,
                rejectedRecords);
    }

    /** Aggregates processed rows that may hold duplicates, deduplicating by {@code log_id} in memory. */
    public static DailyActivity aggregate(LocalDate date, Iterable<CanonicalRecord> rows, long rejectedRecords) {
        Map<String, EventFacts> facts = new HashMap<>();
        Map<String, Long> occurrences = new HashMap<>();
        for (CanonicalRecord row : rows) {
            facts.putIfAbsent(row.logId(), EventFacts.of(row));
            occurrences.merge(row.logId(), 1L, Long::sum);
        }
        DailyActivityAccumulator accumulator = new DailyActivityAccumulator();
        facts.forEach((logId, event) -> accumulator.addDistinctEvent(event, occurrences.get(logId)));
        return accumulator.result(date, rejectedRecords);
    }

    /** The non-zero counts of {@code map}, by key (a key whose events were all taken back has none). */
    private static TreeMap<String, Long> counts(ObjectLongHashMap<String> map) {
        TreeMap<String, Long> counts = new TreeMap<>();
        map.forEach((ObjectLongProcedure<String>) (key, n) -> {
            if (n != 0) {
                counts.put(key, n);
            }
        });
        return counts;
    }

    private void writeObject(ObjectOutputStream out) throws IOException {
        out.defaultWriteObject();
        out.writeObject(counts(byDevice));
        out.writeObject(counts(byType));
        out.writeObject(counts(byApp));
        TreeMap<Integer, Long> codes = new TreeMap<>();
        byErrorCode.forEach((IntLongProcedure) codes::put);
        out.writeObject(codes);
    }

    @SuppressWarnings("unchecked")
    private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
        in.defaultReadObject();
        byDevice = restored((Map<String, Long>) in.readObject());
        byType = restored((Map<String, Long>) in.readObject());
        byApp = restored((Map<String, Long>) in.readObject());
        byErrorCode = new IntLongHashMap();
        ((Map<Integer, Long>) in.readObject()).forEach(byErrorCode::put);
    }

    private static ObjectLongHashMap<String> restored(Map<String, Long> counts) {
        ObjectLongHashMap<String> map = new ObjectLongHashMap<>();
        counts.forEach(map::put);
        return map;
    }
}
