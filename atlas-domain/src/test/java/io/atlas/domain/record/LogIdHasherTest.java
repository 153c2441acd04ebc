package io.atlas.domain.record;

import static org.assertj.core.api.Assertions.assertThat;

import io.atlas.domain.lake.LogType;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** log_id is the SHA-256 of the documented encoding, whatever the text: ASCII, other UTF-8, unpaired surrogates, long. */
class LogIdHasherTest {
    private final LogIdHasher hasher = new LogIdHasher();

    @Provide
    Arbitrary<String> texts() {
        Arbitrary<String> ascii = Arbitraries.strings().ascii().ofMaxLength(40);
        Arbitrary<String> any = Arbitraries.strings().all().ofMaxLength(40); // includes lone surrogates
        Arbitrary<String> mixed = Arbitraries.strings().withChars("aZ09 é€\uD83C\uDF89\uD800\uDC00\u007f\u0080")
                .ofMaxLength(20);
        Arbitrary<String> longText = Arbitraries.strings().withChars("ab\u00e9").ofMinLength(500).ofMaxLength(3000);
        return Arbitraries.oneOf(ascii, any, mixed, longText).injectNull(0.2);
    }

    @Property(tries = 2000)
    void hashesTheDocumentedEncoding(@ForAll("texts") String ip, @ForAll("texts") String device, @ForAll("texts") String method,
            @ForAll("texts") String endpoint, @ForAll("texts") String message, @ForAll("texts") String app,
            @ForAll long millis, @ForAll int status) throws Exception {
        String expected = reference(LogType.ACCESS, millis, ip, device, method, status, endpoint, message, app);
        assertThat(hasher.logId(LogType.ACCESS, millis, ip, device, method, status, endpoint, message, app))
                .isEqualTo(expected);
        // The same hasher again (buffers reused) gives the same id.
        assertThat(hasher.logId(LogType.ACCESS, millis, ip, device, method, status, endpoint, message, app))
                .isEqualTo(expected);
    }

    @Test
    void aFixedRecordKeepsItsId() throws Exception {
        String id = hasher.logId(LogType.ERROR, 1732838400000L, "10.0.0.1", null, "ERROR", 503, null, "caf\u00e9 down", "api");
        assertThat(id).hasSize(64).matches("[0-9a-f]{64}")
                .isEqualTo(reference(LogType.ERROR, 1732838400000L, "10.0.0.1", null, "ERROR", 503, null, "caf\u00e9 down", "api"));
    }

    /** The encoding as the class comment states it, built the plain way. */
    private static String reference(LogType type, long millis, String ip, String device, String method, int status,
            String endpoint, String message, String app) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        text(out, type.partitionValue());
        for (int i = 7; i >= 0; i--) {
            out.write((int) (millis >>> (i * 8)));
        }
        text(out, ip);
        text(out, device);
        text(out, method);
        integer(out, status);
        text(out, endpoint);
        text(out, message);
        text(out, app);
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(out.toByteArray()));
    }

    private static void text(ByteArrayOutputStream out, String value) {
        if (value == null) {
            out.write(0);
            return;
        }
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        out.write(1);
        integer(out, bytes.length);
        out.writeBytes(bytes);
    }

    private static void integer(ByteArrayOutputStream out, int value) {
        out.write(value >>> 24);
        out.write(value >>> 16);
        out.write(value >>> 8);
        out.write(value);
    }
}
