package io.atlas.domain.file;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The character encoding of a file's text, from its first bytes. XML follows XML 1.0 §4.3.3 and Appendix F: a
 * byte-order mark, else the byte pattern of {@code <?xml}, picks the encoding family, and the encoding declaration
 * (which must agree with that family) names the charset within it. JSON is UTF-8 (RFC 8259 §8.1, SPEC §3): a JSON
 * file in UTF-16 or UTF-32 is not its format.
 */
final class ContentEncoding {
    private static final int HEAD = 512;
    private static final Pattern XML_ENCODING =
            Pattern.compile("\\s*<\\?xml\\s[^>]*?encoding\\s*=\\s*[\"']([A-Za-z][A-Za-z0-9._-]*)[\"']");
    private static final Charset UTF_32BE = Charset.forName("UTF-32BE");
    private static final Charset UTF_32LE = Charset.forName("UTF-32LE");

    /** How the first bytes of a file encode text: the charset they imply and the length of the byte-order mark. */
    private record Detected(Charset charset, int byteOrderMark, String evidence) {
        boolean asciiCompatible() {
            return charset.equals(StandardCharsets.UTF_8);
        }
    }

    private ContentEncoding() {}

    /**
     * The charset of an XML document, with its byte-order mark consumed from {@code in}.
     *
     * @throws FileContentException {@code MALFORMED_FILE}: the declaration names a charset Java lacks or one its
     *     bytes contradict
     */
    static Charset xml(BufferedInputStream in) throws IOException {
        in.mark(HEAD);
        byte[] head = in.readNBytes(HEAD);
        in.reset();
        Detected detected = detect(head);
        in.skipNBytes(detected.byteOrderMark());
        String text = new String(head, detected.byteOrderMark(), head.length - detected.byteOrderMark(),
                detected.asciiCompatible() ? StandardCharsets.ISO_8859_1 : detected.charset());
        Matcher declaration = XML_ENCODING.matcher(text);
        if (!declaration.lookingAt()) {
            return detected.charset();
        }
        String name = declaration.group(1);
        Charset declared;
        try {
            declared = Charset.forName(name);
        } catch (IllegalArgumentException unknown) {
            throw new FileContentException(FileRejectReason.MALFORMED_FILE, "XML declares an unknown encoding '" + name + "'");
        }
        if (detected.asciiCompatible() && detected.byteOrderMark() == 0) {
            if (!writesAsciiAsAscii(declared)) {
                throw contradiction(name, "its bytes are not " + name);
            }
            return declared;
        }
        if (!sameFamily(declared, detected.charset())) {
            throw contradiction(name, "it starts with " + detected.evidence());
        }
        return detected.charset();
    }

    /**
     * Refuses JSON content that is UTF-16 or UTF-32: a byte-order mark of either, or a first JSON character
     * ({@code {}, {@code [} or whitespace) with the NUL bytes those encodings put beside it. Other content, NUL
     * bytes alone included (a gzip bomb of zeros), is left for the format's own checks and limits.
     *
     * @throws FileContentException {@code FORMAT_MISMATCH}
     */
    static void requireUtf8Json(BufferedInputStream in, String format) throws IOException {
        in.mark(4);
        byte[] head = in.readNBytes(4);
        in.reset();
        Detected detected = detect(head);
        String evidence = detected.asciiCompatible() ? wideJsonStart(head) : detected.evidence();
        if (evidence != null) {
            throw new FileContentException(FileRejectReason.FORMAT_MISMATCH,
                    "content starts with " + evidence + ": " + format + " must be UTF-8");
        }
    }

    /** How a JSON text's first character looks in UTF-16 or UTF-32 without a byte-order mark, or null. */
    private static @Nullable String wideJsonStart(byte[] b) {
        if (b.length < 2) {
            return null;
        }
        boolean wide = (isJsonStart(b[0]) && b[1] == 0) || (b[0] == 0 && isJsonStart(b[1]))
                || (b.length == 4 && b[0] == 0 && b[1] == 0 && b[2] == 0 && isJsonStart(b[3]));
        return wide ? "a JSON character beside NUL bytes, as in UTF-16 or UTF-32" : null;
    }

    private static boolean isJsonStart(byte b) {
        return b == '{' || b == '[' || b == ' ' || b == '\t' || b == '\r' || b == '\n';
    }

    /** XML 1.0 Appendix F, for the encodings Java has; anything else is read as ASCII-compatible. */
    private static Detected detect(byte[] b) {
        if (startsWith(b, 0x00, 0x00, 0xfe, 0xff)) {
            return new Detected(UTF_32BE, 4, "a UTF-32BE byte-order mark");
        }
        if (startsWith(b, 0xff, 0xfe, 0x00, 0x00)) {
            return new Detected(UTF_32LE, 4, "a UTF-32LE byte-order mark");
        }
        if (startsWith(b, 0xfe, 0xff)) {
            return new Detected(StandardCharsets.UTF_16BE, 2, "a UTF-16BE byte-order mark");
        }
        if (startsWith(b, 0xff, 0xfe)) {
            return new Detected(StandardCharsets.UTF_16LE, 2, "a UTF-16LE byte-order mark");
        }
        if (startsWith(b, 0xef, 0xbb, 0xbf)) {
            return new Detected(StandardCharsets.UTF_8, 3, "a UTF-8 byte-order mark");
        }
        if (startsWith(b, 0x00, 0x00, 0x00, 0x3c)) {
            return new Detected(UTF_32BE, 0, "'<' in UTF-32BE");
        }
        if (startsWith(b, 0x3c, 0x00, 0x00, 0x00)) {
            return new Detected(UTF_32LE, 0, "'<' in UTF-32LE");
        }
        if (startsWith(b, 0x00, 0x3c, 0x00, 0x3f)) {
            return new Detected(StandardCharsets.UTF_16BE, 0, "'<?' in UTF-16BE");
        }
        if (startsWith(b, 0x3c, 0x00, 0x3f, 0x00)) {
            return new Detected(StandardCharsets.UTF_16LE, 0, "'<?' in UTF-16LE");
        }
        return new Detected(StandardCharsets.UTF_8, 0, "ASCII-compatible bytes");
    }

    /** UTF-16 names either byte order (the byte-order mark or pattern decides); UTF-16LE/BE name one. */
    private static boolean sameFamily(Charset declared, Charset detected) {
        String name = declared.name().toUpperCase(Locale.ROOT);
        String family = detected.name().toUpperCase(Locale.ROOT);
        return name.equals(family) || family.startsWith(name) && (name.equals("UTF-16") || name.equals("UTF-32"));
    }

    /** Whether the charset writes {@code <?xml} as its ASCII bytes, as a document detected ASCII-compatible is written. */
    private static boolean writesAsciiAsAscii(Charset charset) {
        return charset.canEncode() && java.util.Arrays.equals("<?xml".getBytes(charset), "<?xml".getBytes(StandardCharsets.US_ASCII));
    }

    private static FileContentException contradiction(String declared, String evidence) {
        return new FileContentException(FileRejectReason.MALFORMED_FILE,
                "XML declares encoding '" + declared + "' but " + evidence);
    }

    private static boolean startsWith(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xff) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
