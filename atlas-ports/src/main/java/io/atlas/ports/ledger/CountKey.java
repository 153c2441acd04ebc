package io.atlas.ports.ledger;

import java.util.Locale;

/**
 * The fixed count keys steps record ({@link #wireName()} is the key in the ledger's JSON). Counts per format
 * ({@code json.read}) and per reject reason ({@code rejected.MISSING_FIELD}) are built with {@link #of(String)} and
 * {@link #rejected(Enum)}.
 */
public enum CountKey {
    FILES,
    READ,
    PROCESSED,
    REJECTED,
    OTHER_DAY,
    TOTAL_REQUESTS,
    ERROR_COUNT,
    UNIQUE_IPS,
    DUPLICATE_RECORDS,
    REJECTED_RECORDS,
    ADDED,
    DROPPED,
    PARTITIONS,
    CHECKS;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** This count within a group: {@code logs.added}, {@code json.read}. */
    public String of(String group) {
        return group + "." + wireName();
    }

    /** The key of the rejects of one reason: {@code rejected.MISSING_FIELD}. */
    public static String rejected(Enum<?> reason) {
        return REJECTED.wireName() + "." + reason.name();
    }
}
