package io.atlas.ports.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.atlas.domain.run.RunId;
import io.atlas.ports.lock.RunConflictException;
import io.atlas.ports.lock.RunLocks;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The behaviour every {@link RunLocks} must have. */
public abstract class RunLocksContract {
    protected static final LocalDate D29 = LocalDate.of(2024, 11, 29);
    protected RunLocks locks;

    protected abstract RunLocks createLocks() throws Exception;

    @BeforeEach
    void setUpLocks() throws Exception {
        locks = createLocks();
    }

    @Test
    void aSecondRunOfTheSameDateFailsFastNamingTheHolder() {
        try (RunLocks.Held held = locks.acquire(D29, RunId.of("first"))) {
            assertThatThrownBy(() -> locks.acquire(D29, RunId.of("second")))
                    .isInstanceOf(RunConflictException.class)
                    .hasMessageContaining("Cannot run 2024-11-29: it is already running")
                    .hasMessageContaining("first");
        }
    }

    @Test
    void otherDatesAreIndependentAndAReleasedLockCanBeTakenAgain() {
        try (RunLocks.Held a = locks.acquire(D29, RunId.of("a")); RunLocks.Held b = locks.acquire(D29.plusDays(1), RunId.of("b"))) {
            assertThat(a).isNotNull();
            assertThat(b).isNotNull();
        }
        try (RunLocks.Held again = locks.acquire(D29, RunId.of("c"))) {
            assertThat(again).isNotNull();
        }
    }

    @Test
    void exactlyOneOfManyConcurrentRunsGetsTheLock() throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(8);
        AtomicInteger winners = new AtomicInteger();
        List<RunLocks.Held> held = java.util.Collections.synchronizedList(new ArrayList<>());
        for (int i = 0; i < 8; i++) {
            int id = i;
            pool.submit(() -> {
                try {
                    start.await();
                    held.add(locks.acquire(D29, RunId.of("r" + id)));
                    winners.incrementAndGet();
                } catch (RunConflictException | InterruptedException expected) {
                    // lost the race
                } finally {
                    done.countDown();
                }
            });
        }
        start.countDown();
        assertThat(done.await(30, TimeUnit.SECONDS)).isTrue();
        pool.shutdown();

        assertThat(winners).hasValue(1);
        held.forEach(RunLocks.Held::close);
    }
}
