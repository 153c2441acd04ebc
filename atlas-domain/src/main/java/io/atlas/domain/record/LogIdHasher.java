package io.atlas.domain.record;

import io.atlas.domain.lake.LogType;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.jspecify.annotations.Nullable;

/**
 * {@code log_id}: the SHA-256 (lower-case hex) of a record's canonical content, so identical content is one
 * event wherever and however often it is delivered. The content columns are, in this order: log_type,
 * event_timestamp (epoch milliseconds), ip_address, device, request_type, status_code, endpoint, message,
 * app_name. Lineage columns ({@code raw_format}, {@code source_file}) are not content. Each string is written as
 * a 0x01 tag, its UTF-8 length (4 bytes, big-endian) and its bytes; a null as a single 0x00 tag, so no two
 * different contents share an encoding.
 *
 * <p>Not thread-safe: one instance per thread.
 */
public final class LogIdHasher {
    private static final HexFormat HEX = HexFormat.of();
    private final MessageDigest digest;
    private final byte[] scratch = new byte[8];

    public LogIdHasher() {
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Cannot hash log ids: the JDK has no SHA-256", e);
        }
    }

    public String logId(
            LogType logType,
            long epochMillis,
            String ipAddress,
            @Nullable String device,
            String requestType,
            int statusCode,
            @Nullable String endpoint,
            @Nullable String message,
            String appName) {
        digest.reset();
        string(logType.partitionValue());
        longValue(epochMillis);
        string(ipAddress);
        string(device);
        string(requestType);
        intValue(statusCode);
        string(endpoint);
        string(message);
        string(appName);
        return HEX.formatHex(digest.digest());
    }

    private void string(@Nullable String value) {
        if (value == null) {
            digest.update((byte) 0);
            return;
        }
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        digest.update((byte) 1);
        intValue(bytes.length);
        digest.update(bytes);
    }

    private void intValue(int value) {
        scratch[0] = (byte) (value >>> 24);
        scratch[1] = (byte) (value >>> 16);
        scratch[2] = (byte) (value >>> 8);
        scratch[3] = (byte) value;
        digest.update(scratch, 0, 4);
    }

    private void longValue(long value) {
        for (int i = 7; i >= 0; i--) {
            scratch[7 - i] = (byte) (value >>> (i * 8));
        }
        digest.update(scratch, 0, 8);
    }
}
