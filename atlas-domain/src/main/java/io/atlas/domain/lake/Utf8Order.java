package io.atlas.domain.lake;

/** Compares strings by the unsigned bytes of their UTF-8 encoding, the order of S3 listings. */
public final class Utf8Order {
    private Utf8Order() {}

    public static int compare(String left, String right) {
        int length = Math.min(left.length(), right.length());
        for (int i = 0; i < length; i++) {
            char a = left.charAt(i);
            char b = right.charAt(i);
            if (a != b) {
                // UTF-16 order equals UTF-8 byte order except that surrogates (U+D800-DFFF, used for
                // code points above U+FFFF) must sort after U+E000-FFFF.
                boolean surrogateA = Character.isSurrogate(a);
                boolean surrogateB = Character.isSurrogate(b);
                if (surrogateA != surrogateB && (a >= 0xE000 || b >= 0xE000)) {
                    return surrogateA ? 1 : -1;
                }
                return Character.compare(a, b);
            }
        }
        return Integer.compare(left.length(), right.length());
    }
}
