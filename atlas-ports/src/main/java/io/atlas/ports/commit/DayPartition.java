package io.atlas.ports.commit;

import static java.util.Objects.requireNonNull;

import io.atlas.ports.dataset.Dataset;
import java.util.List;

/** One partition of a day's output: its table and partition values (validated against the table). */
public record DayPartition(Dataset<?> dataset, List<String> values) {
    public DayPartition {
        requireNonNull(dataset, "dataset is null");
        values = List.copyOf(values);
        dataset.location(values); // validates the values
    }

    /** The partition's prefix in the lake, ending in {@code /}. */
    public String location() {
        return dataset.location(values);
    }
}
