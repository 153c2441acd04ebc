package io.atlas.domain.testing;

/** JSON and XML snippets of the origin's shape. */
public final class Records {
    private Records() {}

    public static String access(String timestamp) {
        return "{\"timestamp\": \"" + timestamp + "\", \"ip\": \"10.0.0.1\", \"user_agent\": \"Chrome/120.0\", "
                + "\"request_type\": \"GET\", \"status\": 200, \"endpoint\": \"/home\"}";
    }

    public static String access(String timestamp, String ip, int status) {
        return "{\"timestamp\": \"" + timestamp + "\", \"ip\": \"" + ip + "\", \"user_agent\": \"Chrome/120.0\", "
                + "\"request_type\": \"GET\", \"status\": " + status + ", \"endpoint\": \"/home\"}";
    }

    public static String error(String errorTime) {
        return "  <error>\n    <errorTime>" + errorTime + "</errorTime>\n    <clientIp>10.0.0.9</clientIp>\n"
                + "    <service>auth_service</service>\n    <errorCode>503</errorCode>\n"
                + "    <message>Error occurred</message>\n  </error>\n";
    }

    public static String errors(String... records) {
        return "<errors>\n" + String.join("", records) + "</errors>\n";
    }
}
