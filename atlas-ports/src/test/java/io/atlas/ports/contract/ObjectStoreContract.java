package io.atlas.ports.contract;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.atlas.domain.lake.ObjectKey;
import io.atlas.ports.storage.NoSuchObjectException;
import io.atlas.ports.storage.ObjectInfo;
import io.atlas.ports.storage.ObjectStore;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The behaviour every {@link ObjectStore} must have: in memory, on a local disk, on S3. */
public abstract class ObjectStoreContract {
    protected ObjectStore store;

    /** A new, empty store for each test. */
    protected abstract ObjectStore createStore() throws Exception;

    @BeforeEach
    void setUpStore() throws Exception {
        store = createStore();
    }

    private static ObjectKey key(String value) {
        return ObjectKey.of(value);
    }

    private String read(String key) throws IOException {
        try (InputStream in = store.open(key(key))) {
            return new String(in.readAllBytes(), UTF_8);
        }
    }

    @Test
    void deleteAllRemovesTheGivenKeysIgnoresMissingOnesAndKeepsTheRest() throws IOException {
        store.write(key("_atlas/pending/2024-11-29/a"), new byte[] {1});
        store.write(key("_atlas/pending/2024-11-29/b"), new byte[] {2});
        store.write(key("_atlas/pending/2024-11-29/later"), new byte[] {3});

        store.deleteAll(List.of(key("_atlas/pending/2024-11-29/a"), key("_atlas/pending/2024-11-29/b"),
                key("_atlas/pending/2024-11-29/never-written")));
        store.deleteAll(List.of());

        assertThat(store.list("_atlas/pending/")).extracting(o -> o.key().value()).containsExactly("_atlas/pending/2024-11-29/later");
    }

    @Test
    void writesAndReadsBack() throws IOException {
        store.write(key("raw/ndjson/a.ndjson"), "hello".getBytes(UTF_8));

        assertThat(read("raw/ndjson/a.ndjson")).isEqualTo("hello");
        assertThat(store.stat(key("raw/ndjson/a.ndjson"))).get().extracting(ObjectInfo::size).isEqualTo(5L);
    }

    @Test
    void anEmptyObjectIsAnObject() throws IOException {
        store.write(key("raw/ndjson/empty.ndjson"), new byte[0]);

        assertThat(read("raw/ndjson/empty.ndjson")).isEmpty();
        assertThat(store.list("raw/")).extracting(ObjectInfo::size).containsExactly(0L);
    }

    @Test
    void aWriteReplacesThePreviousVersion() throws IOException {
        store.write(key("a/b"), "one".getBytes(UTF_8));
        store.write(key("a/b"), "two".getBytes(UTF_8));

        assertThat(read("a/b")).isEqualTo("two");
        assertThat(store.list("a/")).hasSize(1);
    }

    @Test
    void aFailedWriteLeavesThePreviousVersion() throws IOException {
        store.write(key("a/b"), "kept".getBytes(UTF_8));
        InputStream failing = new InputStream() {
            private int served;

            @Override
            public int read() throws IOException {
                if (served++ < 100) {
                    return 'x';
                }
                throw new IOException("producer died");
            }
        };

        assertThatThrownBy(() -> store.write(key("a/b"), failing)).isInstanceOf(RuntimeException.class);
        assertThat(read("a/b")).isEqualTo("kept");
        assertThat(store.list("")).extracting(o -> o.key().value()).containsExactly("a/b");
    }

    @Test
    void streamsLargeObjects() throws IOException {
        byte[] big = new byte[12 * 1024 * 1024 + 17];
        new Random(7).nextBytes(big);

        store.write(key("big/blob.bin"), new ByteArrayInputStream(big));

        try (InputStream in = store.open(key("big/blob.bin"))) {
            assertThat(Arrays.equals(in.readAllBytes(), big)).isTrue();
        }
    }

    @Test
    void readsFromAnOffset() throws IOException {
        store.write(key("o/digits"), "0123456789".getBytes(UTF_8));
        byte[] big = new byte[9 * 1024 * 1024 + 3];
        new Random(11).nextBytes(big);
        store.write(key("o/big"), big);

        assertThat(readAt("o/digits", 0)).isEqualTo("0123456789");
        assertThat(readAt("o/digits", 4)).isEqualTo("456789");
        assertThat(readAt("o/digits", 9)).isEqualTo("9");
        assertThat(readAt("o/digits", 10)).isEmpty();
        assertThat(readAt("o/digits", 1000)).isEmpty();
        try (InputStream in = store.open(key("o/big"), 8 * 1024 * 1024 + 1)) {
            assertThat(in.readAllBytes()).isEqualTo(Arrays.copyOfRange(big, 8 * 1024 * 1024 + 1, big.length));
        }
        assertThatThrownBy(() -> store.open(key("o/missing"), 3)).isInstanceOf(NoSuchObjectException.class);
        assertThatThrownBy(() -> store.open(key("o/digits"), -1)).isInstanceOf(IllegalArgumentException.class);
    }

    private String readAt(String key, long offset) throws IOException {
        try (InputStream in = store.open(key(key), offset)) {
            return new String(in.readAllBytes(), UTF_8);
        }
    }

    @Test
    void aReaderKeepsTheVersionItOpened() throws IOException {
        byte[] first = new byte[256 * 1024];
        Arrays.fill(first, (byte) 'a');
        store.write(key("v"), first);

        try (InputStream in = store.open(key("v"))) {
            byte[] start = in.readNBytes(10);
            store.write(key("v"), "b".repeat(300 * 1024).getBytes(UTF_8));
            byte[] rest = in.readAllBytes();
            assertThat(new String(start, UTF_8) + new String(rest, UTF_8)).isEqualTo("a".repeat(256 * 1024));
        }
    }

    @Test
    void readingAMissingKeyIsNoSuchObject() {
        assertThatThrownBy(() -> store.open(key("nope/x"))).isInstanceOf(NoSuchObjectException.class)
                .hasMessage("Cannot read nope/x: no such object");
        assertThat(store.stat(key("nope/x"))).isEmpty();
        assertThat(store.exists(key("nope/x"))).isFalse();
    }

    @Test
    void deletingReportsWhetherTheObjectExisted() {
        store.write(key("d/x"), new byte[] {1});

        assertThat(store.delete(key("d/x"))).isTrue();
        assertThat(store.delete(key("d/x"))).isFalse();
        assertThat(store.delete(key("never/there"))).isFalse();
        assertThat(store.list("d/")).isEmpty();
        assertThat(store.list("")).isEmpty();
    }

    @Test
    void listsByPlainPrefixInUtf8Order() {
        List<String> keys = List.of("validated/ndjson/year=2024/month=11/day=29/b b.ndjson",
                "validated/ndjson/year=2024/month=11/day=29/a.ndjson",
                "validated/ndjson/year=2024/month=11/day=29/team/z.ndjson",
                "validated/ndjson/year=2024/month=11/day=30/a.ndjson",
                "validated/ndjson-old/x",
                "validated/ndjson/year=2024/month=11/day=29/ünï.ndjson",
                "validated/ndjson/year=2024/month=11/day=29/Z.ndjson",
                "validated/ndjson/year=2024/month=11/day=29/a-b.ndjson",
                "validated/xml_errors/year=2024/month=11/day=29/e.xml");
        keys.forEach(k -> store.write(key(k), k.getBytes(UTF_8)));

        assertThat(store.list("validated/ndjson/year=2024/month=11/day=29/")).extracting(o -> o.key().value())
                .containsExactly("validated/ndjson/year=2024/month=11/day=29/Z.ndjson",
                        "validated/ndjson/year=2024/month=11/day=29/a-b.ndjson",
                        "validated/ndjson/year=2024/month=11/day=29/a.ndjson",
                        "validated/ndjson/year=2024/month=11/day=29/b b.ndjson",
                        "validated/ndjson/year=2024/month=11/day=29/team/z.ndjson",
                        "validated/ndjson/year=2024/month=11/day=29/ünï.ndjson");
        assertThat(store.list("validated/ndjson")).hasSize(8);
        assertThat(store.list("validated/ndjson/year=2024/month=11/day=2")).hasSize(6);
        assertThat(store.list("missing/")).isEmpty();
        assertThat(store.list("")).hasSize(keys.size());
    }

    @Test
    void keysMayHoldEqualsSpacesPercentAndUnicode() throws IOException {
        String odd = "raw/ndjson/dir with space/a=b%2Fc ünï 🎉.ndjson";
        store.write(key(odd), "x".getBytes(UTF_8));

        assertThat(read(odd)).isEqualTo("x");
        assertThat(store.list("raw/ndjson/dir with space/")).extracting(o -> o.key().value()).containsExactly(odd);
    }

    @Test
    void copiesAnObjectReplacingTheTarget() throws IOException {
        store.write(key("raw/ndjson/a"), "new".getBytes(UTF_8));
        store.write(key("validated/ndjson/a"), "old".getBytes(UTF_8));

        store.copy(key("raw/ndjson/a"), key("validated/ndjson/a"));

        assertThat(read("validated/ndjson/a")).isEqualTo("new");
        assertThat(read("raw/ndjson/a")).isEqualTo("new");
        assertThatThrownBy(() -> store.copy(key("raw/missing"), key("x/y"))).isInstanceOf(NoSuchObjectException.class);
        assertThat(store.exists(key("x/y"))).isFalse();
    }

    @Test
    void aKeyCanBeBothAnObjectsPrefixAndAnObjectsParent() throws IOException {
        store.write(key("p/a"), "1".getBytes(UTF_8));
        store.write(key("p/a.b"), "2".getBytes(UTF_8));

        assertThat(read("p/a")).isEqualTo("1");
        assertThat(store.list("p/a")).hasSize(2);
    }
}
