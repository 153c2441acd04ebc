package io.atlas.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.atlas.domain.testing.OriginSamples;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

/** Puts files into a lake's raw/ as a producer would, and reads what ingestion rejected. */
public final class Lakes {
    private static final ObjectMapper JSON = new ObjectMapper();

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

    /**
     * The file-level rejects of a lake: each sidecar's {@code source_key} and {@code reason_code}, after checking
     * that it carries every SPEC §2 field and sits beside the rejected file.
     */
    public static Map<String, String> fileRejects(Path lake) {
        Map<String, String> reasons = new HashMap<>();
        try (Stream<Path> files = Files.walk(lake.resolve("rejected/system/lambda"))) {
            for (Path sidecar : files.filter(p -> p.toString().endsWith(".error.json")).toList()) {
                JsonNode node = JSON.readTree(sidecar.toFile());
                reasons.put(node.get("source_key").asText(), node.get("reason_code").asText());
                assertThat(node.get("run_id").asText()).isNotBlank();
                assertThat(node.get("ingest_ts").asText()).matches("\\d{8}T\\d{6}Z");
                assertThat(node.get("detail").asText()).isNotBlank();
                assertThat(Path.of(sidecar.toString().replace(".error.json", ""))).exists();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return reasons;
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
