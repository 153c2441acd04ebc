package io.atlas.local.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.apache.parquet.io.api.Binary;

/** A value's Binary holds its UTF-8 bytes, whichever way it was made: through a column's cache, or over reused bytes. */
class TextBinariesTest {
    @Property(tries = 500)
    void aUniqueValuesBinaryHoldsItsUtf8Bytes(@ForAll List<String> values) {
        TextBinaries texts = new TextBinaries();
        for (String value : values) {
            byte[] expected = value.getBytes(StandardCharsets.UTF_8);
            Binary unique = texts.unique(value);
            Binary copy = unique.copy();
            assertThat(unique.getBytes()).isEqualTo(expected);
            assertThat(copy.getBytes()).isEqualTo(expected);
            assertThat(texts.of(0, value).getBytes()).isEqualTo(expected);
        }
    }

    @Property(tries = 200)
    void aCopyKeepsItsBytesWhenTheNextValueReusesThem(@ForAll("ids") List<String> ids) {
        TextBinaries texts = new TextBinaries();
        List<Binary> copies = ids.stream().map(id -> texts.unique(id).copy()).toList();
        for (int i = 0; i < ids.size(); i++) {
            assertThat(copies.get(i).toStringUsingUTF8()).isEqualTo(ids.get(i));
        }
    }

    @net.jqwik.api.Provide
    net.jqwik.api.Arbitrary<List<String>> ids() {
        // Mostly ASCII ids of one length (the reused Binary's case), some of other lengths, a few with a non-ASCII char.
        net.jqwik.api.Arbitrary<String> ascii = net.jqwik.api.Arbitraries.strings().withChars("0123456789abcdef")
                .ofLength(64);
        net.jqwik.api.Arbitrary<String> other = net.jqwik.api.Arbitraries.strings().withChars("0123456789abcdef\u00e9")
                .ofMinLength(0).ofMaxLength(130);
        return net.jqwik.api.Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(8, ascii), net.jqwik.api.Tuple.of(2, other))
                .list().ofMaxSize(20);
    }

    @Property(tries = 200)
    void aUniqueAsciiValueComesOverReusedBytesAndOtherTextAsItsOwn(@ForAll String value) {
        boolean ascii = value.chars().allMatch(c -> c < 0x80);
        Binary binary = new TextBinaries().unique(value);
        assertThat(binary.isBackingBytesReused()).isEqualTo(ascii);
    }
}
