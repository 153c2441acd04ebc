package io.atlas.app.cli;

import io.atlas.domain.testing.OriginSamples;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Puts files into a lake's raw/ as a producer would. */
public final class Lakes {
    private Lakes() {}

    public static void drop(Path lake, String rawKey, byte[] content) {
        try {
            Path target = lake.resolve(rawKey);
            Files.createDirectories(target.getParent());
            Files.write(target, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void drop(Path lake, String rawKey, String content) {
        drop(lake, rawKey, content.getBytes(StandardCharsets.UTF_8));
    }

    /** The origin's three files of a day, under their original names. */
    public static void dropOriginDay(Path lake, String date) {
        try {
            drop(lake, "raw/ndjson/access_logs_" + date + ".ndjson",
                    Files.readAllBytes(OriginSamples.file(date, "access_logs_" + date + ".ndjson")));
            drop(lake, "raw/json_gzip/api_logs_" + date + ".json.gz",
                    Files.readAllBytes(OriginSamples.file(date, "api_logs_" + date + ".json.gz")));
            drop(lake, "raw/xml_errors/errors_" + date + ".xml",
                    Files.readAllBytes(OriginSamples.file(date, "errors_" + date + ".xml")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String ndjsonLine(String timestamp, String ip, int status) {
        return "{\"timestamp\": \"" + timestamp + "\", \"ip\": \"" + ip + "\", \"user_agent\": \"Chrome/120.0\", "
                + "\"request_type\": \"GET\", \"status\": " + status + ", \"endpoint\": \"/home\"}\n";
    }

    /** {@code count} distinct NDJSON access records on {@code date}. */
    public static String ndjson(String date, int count, String ipPrefix) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < count; i++) {
            out.append(ndjsonLine(String.format("%sT%02d:%02d:%02dZ", date, i / 3600 % 24, i / 60 % 60, i % 60),
                    ipPrefix + i, 200 + (i % 4) * 100));
        }
        return out.toString();
    }
}
