package io.atlas.app.reliability;

import io.atlas.app.Atlas;
import io.atlas.ports.testing.FaultyObjectStore;
import java.nio.file.Path;
import java.time.LocalDate;

/**
 * Run in a forked JVM: runs a date and halts the JVM (as kill -9 would) at the first storage call whose operation
 * contains the given text, e.g. the write of a partition's commit marker, after its part file was published; with a
 * fourth argument {@code oom}, throws an {@link OutOfMemoryError} there instead.
 */
public final class DyingRun {
    private DyingRun() {}

    public static void main(String[] args) {
        Path lake = Path.of(args[0]);
        String operation = args[2];
        FaultyObjectStore.Fault fault = args.length > 3 && args[3].equals("oom")
                ? (call, op) -> {
                    throw new OutOfMemoryError("Java heap space");
                }
                : FaultyObjectStore.Fault.HALT;
        try (Atlas atlas = Atlas.builder().lake(lake).threads(2)
                .objectStoreDecorator(store -> FaultyObjectStore.atFirst(store, op -> op.contains(operation), fault)).build()) {
            atlas.run(LocalDate.parse(args[1]));
        }
    }
}
