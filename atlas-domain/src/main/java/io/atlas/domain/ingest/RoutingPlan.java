package io.atlas.domain.ingest;

import io.atlas.domain.lake.LakeLayout;
import io.atlas.domain.lake.LogFormat;
import io.atlas.domain.lake.ObjectKey;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * SPEC §2 step 3: where a routable file goes. It is copied to {@code validated/<format>/<day>/<name>} for every
 * day it touches; a re-upload of the same name supersedes earlier routings, so copies on days the new version
 * no longer touches are removed.
 */
public record RoutingPlan(List<ObjectKey> copies, List<ObjectKey> staleCopies, SortedSet<LocalDate> changedDays) {

    public static RoutingPlan of(LogFormat format, String name, Set<LocalDate> newDays, Set<LocalDate> previousDays) {
        List<ObjectKey> copies = new TreeSet<>(newDays).stream()
                .map(day -> LakeLayout.validatedKey(format, day, name))
                .toList();
        List<ObjectKey> stale = new TreeSet<>(previousDays).stream()
                .filter(day -> !newDays.contains(day))
                .map(day -> LakeLayout.validatedKey(format, day, name))
                .toList();
        TreeSet<LocalDate> changed = new TreeSet<>(newDays);
        changed.addAll(previousDays);
        return new RoutingPlan(copies, stale, changed);
    }
}
