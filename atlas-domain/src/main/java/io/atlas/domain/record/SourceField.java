package io.atlas.domain.record;

import java.util.HashMap;
import java.util.Map;

/** The source fields Atlas reads (SPEC §3, canonical record table); every other field or element is ignored. */
public enum SourceField {
    // JSON access records (NDJSON, json_gzip)
    TIMESTAMP("timestamp", true, false),
    IP("ip", true, false),
    USER_AGENT("user_agent", true, false),
    REQUEST_TYPE("request_type", true, false),
    STATUS("status", true, false),
    ENDPOINT("endpoint", true, false),
    MESSAGE("message", true, true),
    SERVICE("service", true, true),
    APP_NAME("app_name", true, false),
    // XML <error> records (message and service are shared with JSON)
    ERROR_TIME("errorTime", false, true),
    CLIENT_IP("clientIp", false, true),
    ERROR_CODE("errorCode", false, true);

    private static final SourceField[] VALUES = values();
    private static final Map<String, SourceField> JSON_NAMES = names(true);
    private static final Map<String, SourceField> XML_NAMES = names(false);

    private final String sourceName;
    private final boolean json;
    private final boolean xml;

    SourceField(String sourceName, boolean json, boolean xml) {
        this.sourceName = sourceName;
        this.json = json;
        this.xml = xml;
    }

    private static Map<String, SourceField> names(boolean json) {
        Map<String, SourceField> names = new HashMap<>();
        for (SourceField field : values()) {
            if (json ? field.json : field.xml) {
                names.put(field.sourceName, field);
            }
        }
        return Map.copyOf(names);
    }

    /** The JSON field or XML element name. */
    public String sourceName() {
        return sourceName;
    }

    static int count() {
        return VALUES.length;
    }

    /** Whether JSON records (NDJSON, json_gzip) carry this field. */
    public boolean inJson() {
        return json;
    }

    /** The field a JSON object member names, or {@code null} for a field Atlas ignores. */
    public static SourceField forJsonName(String name) {
        return JSON_NAMES.get(name);
    }

    /** The field an XML child element of {@code <error>} names, or {@code null} for an element Atlas ignores. */
    public static SourceField forXmlName(String name) {
        return XML_NAMES.get(name);
    }
}
