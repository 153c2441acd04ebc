package io.atlas.domain.lake;

/** The two kinds of canonical rows; {@code log_type} is a partition column of {@code processed/logs}. */
public enum LogType {
    ACCESS("access"),
    ERROR("error");

    private final String partitionValue;

    LogType(String partitionValue) {
        this.partitionValue = partitionValue;
    }

    /** The value written in {@code log_type=...} and in queries. */
    public String partitionValue() {
        return partitionValue;
    }

    /** The log type written as {@code log_type=value}. */
    public static LogType fromPartitionValue(String value) {
        for (LogType type : values()) {
            if (type.partitionValue.equals(value)) {
                return type;
            }
        }
        throw new IllegalArgumentException("Unknown log_type '" + value + "'");
    }
}
