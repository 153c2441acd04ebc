package io.atlas.app.service;

import static java.util.Objects.requireNonNull;

import io.atlas.domain.lake.ObjectKey;
import io.atlas.ports.storage.ObjectInfo;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Which files under {@code raw/} are complete enough to ingest. A name producers use while writing (a last segment
 * that starts with {@code .} or {@code _}, or ends with {@code .tmp}, {@code .part} or {@code ._COPYING_}) is never
 * taken: the producer renames it when done. Any other file is taken once its size and modification time have stayed
 * the same from one poll to the next and for at least the quiet period.
 */
public final class Arrivals {
    private final Duration quietPeriod;
    private final Map<ObjectKey, ObjectInfo> seen = new HashMap<>();

    public Arrivals(Duration quietPeriod) {
        this.quietPeriod = requireNonNull(quietPeriod, "quietPeriod is null");
    }

    /** True for names producers use while a file is still being written. */
    public static boolean inProgressName(ObjectKey key) {
        String value = key.value();
        String name = value.substring(value.lastIndexOf('/') + 1);
        String lower = name.toLowerCase(Locale.ROOT);
        return name.startsWith(".") || name.startsWith("_") || lower.endsWith(".tmp") || lower.endsWith(".part")
                || name.endsWith("._COPYING_");
    }

    /** True when the file was last modified at least {@code quietPeriod} before {@code now}. */
    public static boolean quietSince(ObjectInfo file, Duration quietPeriod, Instant now) {
        return !file.lastModified().plus(quietPeriod).isAfter(now);
    }

    /**
     * One poll of {@code listing} at {@code now}: the keys that are ready, in listing order. A file is ready when the
     * previous poll saw it with the same size and modification time and it has been quiet for the quiet period.
     */
    public List<ObjectKey> poll(Collection<ObjectInfo> listing, Instant now) {
        List<ObjectKey> ready = new ArrayList<>();
        Map<ObjectKey, ObjectInfo> current = new HashMap<>();
        for (ObjectInfo file : listing) {
            if (inProgressName(file.key())) {
                continue;
            }
            current.put(file.key(), file);
            ObjectInfo before = seen.get(file.key());
            boolean unchanged = before != null && before.size() == file.size()
                    && before.lastModified().equals(file.lastModified());
            if (unchanged && quietSince(file, quietPeriod, now)) {
                ready.add(file.key());
            }
        }
        seen.clear();
        seen.putAll(current);
        ready.forEach(seen::remove);
        return ready;
    }
}
