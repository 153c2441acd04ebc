package io.atlas.ports.contract;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.atlas.domain.lake.ObjectKey;
import io.atlas.ports.storage.ConditionalWrites;
import io.atlas.ports.storage.ObjectStore;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The behaviour of every store that offers {@link ConditionalWrites}: first writer wins, compare-and-swap. */
public abstract class ConditionalWritesContract {
    private static final ObjectKey KEY = ObjectKey.of("_atlas/state/cas.json");
    protected ObjectStore store;
    protected ConditionalWrites writes;

    /** A new, empty store with conditional writes for each test. */
    protected abstract ObjectStore createStore() throws Exception;

    /**
     * Whether the server behind the store checks a condition and writes atomically under concurrent requests, as
     * S3 does. A test double that does not (S3Mock checks, then writes) says so here, and the race test is skipped
     * with that reason rather than passing by luck.
     */
    protected boolean serverIsAtomicUnderConcurrency() {
        return true;
    }

    @BeforeEach
    void setUpStore() throws Exception {
        store = createStore();
        writes = store.conditionalWrites().orElseThrow(() -> new AssertionError(store + " offers no conditional writes"));
    }

    @Test
    void createIfAbsentLetsTheFirstWriterWin() {
        assertThat(writes.createIfAbsent(KEY, bytes("a"))).isTrue();
        assertThat(writes.createIfAbsent(KEY, bytes("b"))).isFalse();
        assertThat(new String(store.readAllBytes(KEY), UTF_8)).isEqualTo("a");
    }

    @Test
    void aMissingObjectHasNoVersionAndCannotBeReplaced() {
        assertThat(writes.readVersioned(KEY)).isEmpty();
        assertThat(writes.replaceIfMatch(KEY, bytes("x"), "1")).isFalse();
        assertThat(store.exists(KEY)).isFalse();
    }

    @Test
    void replaceIfMatchSucceedsOnTheCurrentVersionOnly() {
        writes.createIfAbsent(KEY, bytes("v1"));
        ConditionalWrites.Versioned first = writes.readVersioned(KEY).orElseThrow();
        assertThat(new String(first.bytes(), UTF_8)).isEqualTo("v1");

        assertThat(writes.replaceIfMatch(KEY, bytes("v2"), first.version())).isTrue();
        assertThat(writes.replaceIfMatch(KEY, bytes("v3"), first.version())).isFalse();
        ConditionalWrites.Versioned second = writes.readVersioned(KEY).orElseThrow();
        assertThat(new String(second.bytes(), UTF_8)).isEqualTo("v2");
        assertThat(second.version()).isNotEqualTo(first.version());
    }

    @Test
    void aPlainWriteChangesTheVersion() {
        writes.createIfAbsent(KEY, bytes("v1"));
        String version = writes.readVersioned(KEY).orElseThrow().version();
        store.write(KEY, bytes("other"));

        assertThat(writes.replaceIfMatch(KEY, bytes("v2"), version)).isFalse();
        assertThat(new String(store.readAllBytes(KEY), UTF_8)).isEqualTo("other");
    }

    @Test
    void ofConcurrentSwapsOnOneVersionExactlyOneWins() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(serverIsAtomicUnderConcurrency(),
                "the test server does not serialize concurrent conditional writes");
        writes.createIfAbsent(KEY, bytes("start"));
        String version = writes.readVersioned(KEY).orElseThrow().version();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                String content = "writer-" + i;
                Callable<Boolean> swap = () -> writes.replaceIfMatch(KEY, bytes(content), version);
                results.add(pool.submit(swap));
            }
            long winners = 0;
            for (Future<Boolean> result : results) {
                winners += result.get() ? 1 : 0;
            }
            assertThat(winners).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(UTF_8);
    }
}
