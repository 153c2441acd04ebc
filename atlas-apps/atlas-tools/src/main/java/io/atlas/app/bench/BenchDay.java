package io.atlas.app.bench;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.SplittableRandom;
import java.util.zip.GZIPOutputStream;

/**
 * A deterministic benchmark day in the origin's proportions: {@code records} NDJSON access lines, half as many
 * gzip'd JSON array elements, a fifth as many XML errors; realistic shapes (the origin's fields, IP pool, agents,
 * status mix), every event on one UTC day. Written straight to files, streaming.
 */
public final class BenchDay {
    private static final String[] AGENTS = {"Chrome/120.0", "Firefox/119.0", "Edge/119.0", "Safari/17.1", "Mobile/iOS", "Mobile/Android"};
    private static final String[] CLIENTS = {"curl/8.4.0", "python-requests/2.31", "PostmanRuntime/7.36"};
    private static final String[] PAGES = {"/login", "/signup", "/dashboard", "/profile", "/settings", "/checkout"};
    private static final String[] METHODS = {"GET", "GET", "GET", "POST", "POST", "PUT"};
    private static final int[] STATUSES = {200, 200, 200, 200, 200, 200, 201, 301, 400, 401, 403, 404, 500, 503};
    private static final String[] SERVICES = {"auth_service", "billing_service", "payment_service"};

    public static final LocalDate DAY = LocalDate.of(2024, 11, 29);

    /** Paths and sizes of what was written. */
    public record Files3(Path ndjson, Path jsonGzip, Path xml, long ndjsonRecords, long jsonRecords, long xmlRecords) {}

    private BenchDay() {}

    public static Files3 write(Path directory, long records, long seed) throws IOException {
        Files.createDirectories(directory);
        SplittableRandom random = new SplittableRandom(seed);
        Path ndjson = directory.resolve("access_logs_" + DAY + ".ndjson");
        Path json = directory.resolve("api_logs_" + DAY + ".json.gz");
        Path xml = directory.resolve("errors_" + DAY + ".xml");
        long jsonRecords = Math.max(1, records / 2);
        long xmlRecords = Math.max(1, records / 5);
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(ndjson), 1 << 20)) {
            StringBuilder line = new StringBuilder(200);
            for (long i = 0; i < records; i++) {
                line.setLength(0);
                access(line, random, false);
                line.append('\n');
                out.write(line.toString().getBytes(StandardCharsets.UTF_8));
            }
        }
        try (OutputStream out = new BufferedOutputStream(new GZIPOutputStream(Files.newOutputStream(json), 1 << 16), 1 << 20)) {
            StringBuilder element = new StringBuilder(200);
            out.write('[');
            for (long i = 0; i < jsonRecords; i++) {
                element.setLength(0);
                if (i > 0) {
                    element.append(", ");
                }
                access(element, random, true);
                out.write(element.toString().getBytes(StandardCharsets.UTF_8));
            }
            out.write(']');
        }
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(xml), 1 << 20)) {
            out.write("<errors>\n".getBytes(StandardCharsets.UTF_8));
            StringBuilder error = new StringBuilder(300);
            for (long i = 0; i < xmlRecords; i++) {
                error.setLength(0);
                error(error, random, ip(random));
                out.write(error.toString().getBytes(StandardCharsets.UTF_8));
            }
            out.write("</errors>\n".getBytes(StandardCharsets.UTF_8));
        }
        return new Files3(ndjson, json, xml, records, jsonRecords, xmlRecords);
    }

    /** One XML {@code <error>} element with its indentation and line ends. */
    static void error(StringBuilder out, SplittableRandom random, String ip) {
        String service = SERVICES[random.nextInt(SERVICES.length)];
        out.append("  <error>\n    <errorTime>").append(timestamp(random)).append("</errorTime>\n    <clientIp>")
                .append(ip).append("</clientIp>\n    <service>").append(service)
                .append("</service>\n    <errorCode>").append(STATUSES[8 + random.nextInt(6)])
                .append("</errorCode>\n    <message>Error occurred in ").append(service).append("</message>\n  </error>\n");
    }

    static void access(StringBuilder out, SplittableRandom random, boolean api) {
        out.append("{\"timestamp\": \"").append(timestamp(random)).append("\", \"ip\": \"").append(ip(random))
                .append("\", \"user_agent\": \"").append(api ? CLIENTS[random.nextInt(CLIENTS.length)] : AGENTS[random.nextInt(AGENTS.length)])
                .append("\", \"request_type\": \"").append(METHODS[random.nextInt(METHODS.length)])
                .append("\", \"status\": ").append(STATUSES[random.nextInt(STATUSES.length)])
                .append(", \"endpoint\": \"").append(api ? "/api/v1/resource/" + random.nextInt(5000) : PAGES[random.nextInt(PAGES.length)])
                .append("\"}");
    }

    static String ip(SplittableRandom random) {
        return (random.nextBoolean() ? "192.168." : "10.0.") + random.nextInt(8) + "." + (1 + random.nextInt(250));
    }

    static String timestamp(SplittableRandom random) {
        int second = random.nextInt(86_400);
        return String.format("%sT%02d:%02d:%02dZ", DAY, second / 3600, second / 60 % 60, second % 60);
    }
}
