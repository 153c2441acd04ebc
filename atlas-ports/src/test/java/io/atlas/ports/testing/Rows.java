package io.atlas.ports.testing;

import io.atlas.domain.aggregate.DailyActivity;
import io.atlas.domain.lake.LogFormat;
import io.atlas.domain.lake.LogType;
import io.atlas.domain.normalize.RejectRow;
import io.atlas.domain.record.CanonicalRecord;
import io.atlas.domain.record.LogIdHasher;
import io.atlas.domain.record.RejectReason;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;

/** Rows of the three tables for dataset and query tests. */
public final class Rows {
    private Rows() {}

    public static CanonicalRecord access(String at, String ip, String device, int status) {
        Instant instant = Instant.parse(at);
        String id = new LogIdHasher().logId(LogType.ACCESS, instant.toEpochMilli(), ip, device, "GET", status, "/p", null, "web_app_1");
        return new CanonicalRecord(id, instant, ip, device, "GET", status, "/p", null, "web_app_1", LogType.ACCESS,
                LogFormat.NDJSON, "validated/ndjson/year=2024/month=11/day=29/a.ndjson");
    }

    public static CanonicalRecord error(String at, String ip, int code) {
        Instant instant = Instant.parse(at);
        String id = new LogIdHasher().logId(LogType.ERROR, instant.toEpochMilli(), ip, null, "ERROR", code, null, "boom ✓", "auth");
        return new CanonicalRecord(id, instant, ip, null, "ERROR", code, null, "boom ✓", "auth", LogType.ERROR,
                LogFormat.XML_ERRORS, "validated/xml_errors/year=2024/month=11/day=29/e.xml");
    }

    public static RejectRow reject(LocalDate day, long index, RejectReason reason, String raw) {
        return new RejectRow(day, "validated/ndjson/year=2024/month=11/day=29/a.ndjson", LogFormat.NDJSON, index, reason,
                "detail " + index, raw);
    }

    public static DailyActivity gold(LocalDate day, long requests, long errors) {
        return new DailyActivity(day, requests, errors, 1, 2, 3,
                new TreeMap<>(Map.of("Chrome/120.0", requests)), new TreeMap<>(Map.of("GET", requests, "ERROR", errors)),
                new TreeMap<>(Map.of("web_app_1", requests, "auth", errors)), new TreeMap<>(Map.of("503", errors)), 4, 5);
    }
}
