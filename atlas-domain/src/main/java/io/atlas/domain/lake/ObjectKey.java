package io.atlas.domain.lake;

import static java.util.Objects.requireNonNull;

import java.nio.charset.StandardCharsets;

/**
 * A key in the lake, relative to its root (an S3 bucket prefix or a local directory).
 *
 * <p>Keys use {@code /} as separator and may contain {@code =}, spaces and any Unicode. To keep every key
 * representable on a local filesystem and unable to escape the lake root, a key is refused when it is empty,
 * starts or ends with {@code /}, has an empty, {@code .} or {@code ..} segment, contains a control character
 * or is longer than 1024 UTF-8 bytes (the S3 limit).
 */
public record ObjectKey(String value) implements Comparable<ObjectKey> {
    public static final int MAX_UTF8_BYTES = 1024;

    public ObjectKey {
        requireNonNull(value, "value is null");
        String problem = problem(value);
        if (problem != null) {
            throw new IllegalArgumentException("Invalid object key '" + printable(value) + "': " + problem);
        }
    }

    public static ObjectKey of(String value) {
        return new ObjectKey(value);
    }

    /** Whether {@code value} is a key this lake can store; see the class comment. */
    public static boolean isValid(String value) {
        return problem(value) == null;
    }

    private static String problem(String value) {
        if (value.isEmpty()) {
            return "empty";
        }
        if (value.startsWith("/") || value.endsWith("/")) {
            return "leading or trailing '/'";
        }
        if (value.getBytes(StandardCharsets.UTF_8).length > MAX_UTF8_BYTES) {
            return "longer than " + MAX_UTF8_BYTES + " UTF-8 bytes";
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                return "control character at position " + i;
            }
        }
        for (String segment : value.split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
                return "empty, '.' or '..' path segment";
            }
        }
        return null;
    }

    private static String printable(String value) {
        StringBuilder out = new StringBuilder();
        value.codePoints().limit(300).forEach(cp -> {
            if (cp < 0x20 || cp == 0x7f) {
                out.append(String.format("\\x%02x", cp));
            } else {
                out.appendCodePoint(cp);
            }
        });
        return out.toString();
    }

    /** The key {@code this/child}. */
    public ObjectKey resolve(String child) {
        return new ObjectKey(value + "/" + child);
    }

    /** The last segment. */
    public String fileName() {
        int slash = value.lastIndexOf('/');
        return slash < 0 ? value : value.substring(slash + 1);
    }

    public boolean startsWith(String prefix) {
        return value.startsWith(prefix);
    }

    /** Orders keys as S3 lists them: by the unsigned bytes of their UTF-8 encoding. */
    @Override
    public int compareTo(ObjectKey other) {
        return Utf8Order.compare(value, other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
