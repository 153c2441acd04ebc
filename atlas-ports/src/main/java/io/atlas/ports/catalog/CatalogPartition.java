package io.atlas.ports.catalog;

import static java.util.Objects.requireNonNull;

import java.util.List;

/** A partition as the catalog records it: its values in partition-key order and its lake location. */
public record CatalogPartition(List<String> values, String location) {
    public CatalogPartition {
        values = List.copyOf(requireNonNull(values, "values is null"));
        requireNonNull(location, "location is null");
    }
}
