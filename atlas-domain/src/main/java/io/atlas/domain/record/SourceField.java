package io.atlas.domain.record;

/** The source fields Atlas reads (SPEC §3, canonical record table); every other field or element is ignored. */
public enum SourceField {
    // JSON access records (NDJSON, json_gzip)
    TIMESTAMP("timestamp"),
    IP("ip"),
    USER_AGENT("user_agent"),
    REQUEST_TYPE("request_type"),
    STATUS("status"),
    ENDPOINT("endpoint"),
    MESSAGE("message"),
    SERVICE("service"),
    APP_NAME("app_name"),
    // XML <error> records (message and service are shared with JSON)
    ERROR_TIME("errorTime"),
    CLIENT_IP("clientIp"),
    ERROR_CODE("errorCode");

    private static final SourceField[] VALUES = values();
    private final String sourceName;

    SourceField(String sourceName) {
        this.sourceName = sourceName;
    }

    /** The JSON field or XML element name. */
    public String sourceName() {
        return sourceName;
    }

    static int count() {
        return VALUES.length;
    }

    /** The field a JSON object member names, or {@code null} for a field Atlas ignores. */
    public static SourceField forJsonName(String name) {
        return switch (name) {
            case "timestamp" -> TIMESTAMP;
            case "ip" -> IP;
            case "user_agent" -> USER_AGENT;
            case "request_type" -> REQUEST_TYPE;
            case "status" -> STATUS;
            case "endpoint" -> ENDPOINT;
            case "message" -> MESSAGE;
            case "service" -> SERVICE;
            case "app_name" -> APP_NAME;
            default -> null;
        };
    }

    /** The field an XML child element of {@code <error>} names, or {@code null} for an element Atlas ignores. */
    public static SourceField forXmlName(String name) {
        return switch (name) {
            case "errorTime" -> ERROR_TIME;
            case "clientIp" -> CLIENT_IP;
            case "service" -> SERVICE;
            case "errorCode" -> ERROR_CODE;
            case "message" -> MESSAGE;
            default -> null;
        };
    }
}
