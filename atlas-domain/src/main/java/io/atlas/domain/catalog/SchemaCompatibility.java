package io.atlas.domain.catalog;

import java.util.List;

/**
 * SPEC §5: a crawl may evolve a table only compatibly. New columns appended after the existing ones are
 * compatible (readers of old partitions see nulls); a dropped, renamed, re-typed or re-ordered column, or a change
 * of partition keys, is refused rather than creating a second table.
 */
public final class SchemaCompatibility {
    private SchemaCompatibility() {}

    public sealed interface Verdict {
        record Same() implements Verdict {}

        record Additive(List<Column> added) implements Verdict {}

        record Incompatible(String reason) implements Verdict {}
    }

    public static Verdict check(TableDefinition existing, TableDefinition incoming) {
        if (!existing.partitionKeys().equals(incoming.partitionKeys())) {
            return new Verdict.Incompatible("partition keys " + names(existing.partitionKeys()) + " would become "
                    + names(incoming.partitionKeys()));
        }
        List<Column> before = existing.columns();
        List<Column> after = incoming.columns();
        for (int i = 0; i < before.size(); i++) {
            Column old = before.get(i);
            if (i >= after.size()) {
                return new Verdict.Incompatible("column " + old.name() + " " + old.type().hiveName() + " is missing");
            }
            Column now = after.get(i);
            if (!old.name().equals(now.name())) {
                return new Verdict.Incompatible("column " + (i + 1) + " is " + old.name() + ", found " + now.name());
            }
            if (old.type() != now.type()) {
                return new Verdict.Incompatible("column " + old.name() + " is " + old.type().hiveName() + ", found "
                        + now.type().hiveName());
            }
        }
        if (after.size() == before.size()) {
            return new Verdict.Same();
        }
        return new Verdict.Additive(after.subList(before.size(), after.size()));
    }

    private static List<String> names(List<Column> columns) {
        return columns.stream().map(c -> c.name() + " " + c.type().hiveName()).toList();
    }
}
