package io.atlas.app.reliability;

import io.atlas.app.Atlas;
import io.atlas.ports.testing.FaultyObjectStore;
import java.nio.file.Path;
import java.time.LocalDate;

/** Run in a forked JVM: ingest and run the given days, halting the JVM (as kill -9 would) at storage call N. */
public final class CrashingRun {
    private CrashingRun() {}

    public static void main(String[] args) {
        Path lake = Path.of(args[0]);
        long crashAt = Long.parseLong(args[1]);
        try (Atlas atlas = Atlas.builder().lake(lake).threads(2)
                .objectStoreDecorator(store -> new FaultyObjectStore(store, crashAt, FaultyObjectStore.Fault.HALT)).build()) {
            atlas.ingest();
            for (int i = 2; i < args.length; i++) {
                atlas.run(LocalDate.parse(args[i]));
            }
        }
    }
}
