package io.atlas.domain.file;

import static org.assertj.core.api.Assertions.assertThat;

import io.atlas.domain.record.SourceField;
import io.atlas.domain.record.SourceFields;
import io.atlas.domain.testing.LogArbitraries;
import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** The fast path reads exactly what Jackson reads, or declines. */
class FlatJsonScannerTest {
    private final JsonObjectReader reader = new JsonObjectReader(ReadLimits.DEFAULTS);
    private final FlatJsonScanner fast = new FlatJsonScanner();

    @Provide
    Arbitrary<String> lines() {
        Arbitrary<String> noise = Arbitraries.of("", " ", "\\\"", "\\n", "é", "\u0001", "{", "}", "[", "]", ",", ":", "\"", "01",
                "-", "1e", "1.5", "-0", "tru", "null", "NaN", "\t");
        Arbitrary<String> mutated = LogArbitraries.jsonRecords().flatMap(line -> Arbitraries.integers().between(0, line.length())
                .flatMap(at -> noise.map(n -> line.substring(0, at) + n + line.substring(at))));
        Arbitrary<String> values = Arbitraries.of("\"x\"", "1", "-2", "3.5", "1e9", "true", "false", "null", "\"a\\\"b\"", "{}", "[1]",
                "\"\"", "00", "1.", "\"é🎉\"", "12345678901234567890");
        Arbitrary<String> flat = Arbitraries.of("timestamp", "ip", "status", "request_type", "user_agent", "other", "service",
                "app_name").flatMap(k -> values.map(v -> "\"" + k + "\": " + v)).list().ofMaxSize(8)
                .map(fields -> "{" + String.join(", ", fields) + "}");
        return Arbitraries.oneOf(LogArbitraries.jsonRecords(), mutated, flat);
    }

    @Property(tries = 3000)
    void theFastPathAgreesWithJacksonOrDeclines(@ForAll("lines") String line) {
        byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
        SourceFields viaFast = new SourceFields();
        if (!fast.read(bytes, 0, bytes.length, viaFast)) {
            return;
        }
        SourceFields viaJackson = new SourceFields();
        assertThat(reader.readWithJackson(bytes, 0, bytes.length, viaJackson)).as(line).isNull();
        for (SourceField field : SourceField.values()) {
            assertThat(viaFast.kind(field)).as(line + " " + field).isEqualTo(viaJackson.kind(field));
            assertThat(viaFast.text(field)).as(line + " " + field).isEqualTo(viaJackson.text(field));
        }
    }

    @Test
    void readsTheOriginShapeAndDeclinesWhatIsNotFlat() {
        for (String accepted : List.of("{\"timestamp\": \"2024-11-29T23:16:50Z\", \"ip\": \"192.168.1.58\", \"status\": 200}",
                "{}", " {\"a\":1.5e3,\"b\":true,\"c\":null} ", "{\"timestamp\": 1732838400000, \"timestamp\": \"later\"}")) {
            byte[] bytes = accepted.getBytes(StandardCharsets.UTF_8);
            assertThat(fast.read(bytes, 0, bytes.length, new SourceFields())).as(accepted).isTrue();
        }
        for (String declined : List.of("{\"a\": \"x\\\"y\"}", "{\"a\": [1]}", "{\"a\": {}}", "[1]", "{\"a\": 01}",
                "{\"a\": 1}{}", "{\"a\" 1}", "{\"a\": tru}", "{\"a\": 1,}", "{a: 1}")) {
            byte[] bytes = declined.getBytes(StandardCharsets.UTF_8);
            assertThat(fast.read(bytes, 0, bytes.length, new SourceFields())).as(declined).isFalse();
        }
    }
}
