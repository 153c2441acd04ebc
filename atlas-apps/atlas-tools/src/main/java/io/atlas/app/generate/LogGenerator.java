package io.atlas.app.generate;

import static java.util.Objects.requireNonNull;

import io.atlas.domain.lake.ObjectKey;
import io.atlas.ports.storage.ObjectStore;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.zip.GZIPOutputStream;

/**
 * Writes realistic log files of the three formats into {@code raw/}: the origin's shapes and proportions, a few
 * events past midnight (so files span two days), exact duplicates, a configurable share of bad records of every
 * row-level reason, and optionally one file of each file-level reject. Deterministic for a seed.
 */
public final class LogGenerator {
    private static final String[] BROWSERS = {"Chrome/120.0", "Firefox/119.0", "Edge/119.0", "Safari/17.1", "Mobile/iOS", "Mobile/Android"};
    private static final String[] API_CLIENTS = {"curl/8.4.0", "python-requests/2.31", "PostmanRuntime/7.36"};
    private static final String[] PAGES = {"/login", "/signup", "/dashboard", "/profile", "/settings", "/checkout"};
    private static final String[] SERVICES = {"auth_service", "billing_service", "payment_service"};
    private static final int[] STATUSES = {200, 200, 200, 200, 200, 200, 201, 301, 400, 401, 403, 404, 404, 500, 503};
    private static final int[] ERROR_CODES = {400, 401, 403, 404, 500, 502, 503};
    private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

    /** What one generation wrote. */
    public record Summary(int files, long records, long badRecords, int badFiles, List<ObjectKey> keys) {}

    private final ObjectStore store;

    public LogGenerator(ObjectStore store) {
        this.store = requireNonNull(store, "store is null");
    }

    public Summary generate(GeneratorSettings settings) {
        Random random = new Random(settings.seed());
        List<ObjectKey> keys = new ArrayList<>();
        long records = 0;
        long bad = 0;
        int badFiles = 0;
        for (LocalDate day : settings.days().days()) {
            Counter counter = new Counter();
            keys.add(write("raw/ndjson/access_logs_" + day + ".ndjson",
                    ndjson(day, settings.records(), settings.badShare(), random, counter)));
            keys.add(write("raw/json_gzip/api_logs_" + day + ".json.gz",
                    gzip(jsonArray(day, Math.max(1, settings.records() / 2), settings.badShare(), random, counter))));
            keys.add(write("raw/xml_errors/errors_" + day + ".xml",
                    xml(day, Math.max(1, settings.records() / 5), settings.badShare(), random, counter)));
            records += counter.records;
            bad += counter.bad;
            if (settings.badFiles()) {
                keys.add(write("raw/json_gzip/api_logs_" + day + "_truncated.json.gz",
                        truncated(gzip(jsonArray(day, 20, 0, random, new Counter())))));
                keys.add(write("raw/xml_errors/errors_" + day + "_doctype.xml", ("<?xml version=\"1.0\"?>\n"
                        + "<!DOCTYPE errors [<!ENTITY boom \"boom\">]>\n<errors><error><message>&boom;</message></error></errors>\n")
                        .getBytes(StandardCharsets.UTF_8)));
                keys.add(write("raw/json_gzip/api_logs_" + day + "_missing_comma.json.gz", gzip(("[" + accessJson(day, random, true)
                        + " " + accessJson(day, random, true) + "]").getBytes(StandardCharsets.UTF_8))));
                keys.add(write("raw/ndjson/empty_" + day + ".ndjson", new byte[0]));
                keys.add(write("raw/csv/export_" + day + ".csv", "timestamp,ip\n2024-11-29T00:00:00Z,1.2.3.4\n"
                        .getBytes(StandardCharsets.UTF_8)));
                badFiles += 5;
            }
        }
        return new Summary(keys.size(), records, bad, badFiles, keys);
    }

    private ObjectKey write(String key, byte[] content) {
        ObjectKey objectKey = ObjectKey.of(key);
        store.write(objectKey, content);
        return objectKey;
    }

    private static final class Counter {
        long records;
        long bad;
    }

    private static String timestamp(LocalDate day, Random random) {
        // About 1% of events fall just after midnight: late lines that make the file span two days.
        long second = random.nextInt(100) == 0 ? 86_400L + random.nextInt(600) : random.nextInt(86_400);
        return ISO.format(Instant.ofEpochSecond(day.toEpochDay() * 86_400L + second));
    }

    private static String ip(Random random) {
        return random.nextBoolean() ? "192.168.1." + (1 + random.nextInt(200)) : "10.0.0." + (1 + random.nextInt(200));
    }

    private static String accessJson(LocalDate day, Random random, boolean api) {
        String agent = api ? API_CLIENTS[random.nextInt(API_CLIENTS.length)] : BROWSERS[random.nextInt(BROWSERS.length)];
        String endpoint = api ? "/api/v1/resource/" + random.nextInt(5000) : PAGES[random.nextInt(PAGES.length)];
        String method = random.nextInt(10) < 6 ? "GET" : random.nextInt(4) < 3 ? "POST" : "PUT";
        return "{\"timestamp\": \"" + timestamp(day, random) + "\", \"ip\": \"" + ip(random) + "\", \"user_agent\": \""
                + agent + "\", \"request_type\": \"" + method + "\", \"status\": " + STATUSES[random.nextInt(STATUSES.length)]
                + ", \"endpoint\": \"" + endpoint + "\"}";
    }

    /** One bad JSON record of each row-level kind, in turn. */
    private static String badJson(LocalDate day, Random random, int kind, boolean inArray) {
        String ts = timestamp(day, random);
        return switch (kind % 7) {
            case 0 -> "{\"timestamp\": \"" + ts + "\", \"user_agent\": \"Chrome/120.0\", \"request_type\": \"GET\", \"status\": 200}";
            case 1 -> "{\"timestamp\": \"" + day + " at noon\", \"ip\": \"10.0.0.1\", \"request_type\": \"GET\", \"status\": 200}";
            case 2 -> "{\"timestamp\": \"" + ts.substring(0, 19) + "\", \"ip\": \"10.0.0.1\", \"request_type\": \"GET\", \"status\": 200}";
            case 3 -> "{\"timestamp\": \"" + ts + "\", \"ip\": \"10.0.0.1\", \"request_type\": \"GET\", \"status\": 999}";
            case 4 -> "{\"timestamp\": \"" + ts + "\", \"ip\": {\"v4\": \"10.0.0.1\"}, \"request_type\": \"GET\", \"status\": 200}";
            // In an array a syntax fault would fail the whole file (SPEC §2); a well-formed non-object is the row.
            case 5 -> inArray
                    ? "null"
                    : "{\"timestamp\": \"" + ts + "\", \"ip\": \"10.0.0.1\", \"request_type\": \"GET\", \"status\": 200";
            default -> "[\"not\", \"an\", \"object\"]";
        };
    }

    private static byte[] ndjson(LocalDate day, int count, double badShare, Random random, Counter counter) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String previous = null;
        for (int i = 0; i < count; i++) {
            String line;
            if (random.nextDouble() < badShare) {
                line = badJson(day, random, (int) counter.bad, false);
                counter.bad++;
                if (counter.bad % 8 == 0) {
                    out.writeBytes("{\"timestamp\": \"".getBytes(StandardCharsets.UTF_8));
                    out.writeBytes(new byte[] {(byte) 0xc3, (byte) 0x28});
                    out.writeBytes("\"}\n".getBytes(StandardCharsets.UTF_8));
                    counter.records++;
                    continue;
                }
            } else if (previous != null && random.nextInt(200) == 0) {
                line = previous; // an exact duplicate delivery
            } else {
                line = accessJson(day, random, false);
            }
            previous = line;
            out.writeBytes((line + "\n").getBytes(StandardCharsets.UTF_8));
            counter.records++;
            if (random.nextInt(150) == 0) {
                out.writeBytes("\n".getBytes(StandardCharsets.UTF_8)); // blank lines are not records
            }
        }
        return out.toByteArray();
    }

    private static byte[] jsonArray(LocalDate day, int count, double badShare, Random random, Counter counter) {
        StringBuilder out = new StringBuilder("[");
        for (int i = 0; i < count; i++) {
            if (i > 0) {
                out.append(", ");
            }
            if (random.nextDouble() < badShare) {
                out.append(badJson(day, random, (int) counter.bad, true));
                counter.bad++;
            } else {
                out.append(accessJson(day, random, true));
            }
            counter.records++;
        }
        return out.append("]").toString().getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] xml(LocalDate day, int count, double badShare, Random random, Counter counter) {
        StringBuilder out = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<errors>\n");
        for (int i = 0; i < count; i++) {
            String time = timestamp(day, random);
            String code = Integer.toString(ERROR_CODES[random.nextInt(ERROR_CODES.length)]);
            String service = SERVICES[random.nextInt(SERVICES.length)];
            String ip = ip(random);
            if (random.nextDouble() < badShare) {
                switch ((int) (counter.bad++ % 3)) {
                    case 0 -> service = "";
                    case 1 -> code = "5xx";
                    default -> time = time.substring(0, 19);
                }
            }
            out.append("  <error>\n    <errorTime>").append(time).append("</errorTime>\n    <clientIp>").append(ip)
                    .append("</clientIp>\n    <service>").append(service).append("</service>\n    <errorCode>").append(code)
                    .append("</errorCode>\n    <message>Error occurred in ").append(service.isEmpty() ? "a service" : service)
                    .append("</message>\n  </error>\n");
            counter.records++;
        }
        return out.append("</errors>\n").toString().getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] gzip(byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (OutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static byte[] truncated(byte[] gzip) {
        return java.util.Arrays.copyOf(gzip, gzip.length / 2);
    }
}
