package io.atlas.app.service;

import static java.util.Objects.requireNonNull;

import io.atlas.domain.lake.ObjectKey;
import io.atlas.domain.run.RunId;
import io.atlas.ports.commit.PartitionCommit;
import io.atlas.ports.commit.DayPartition;
import io.atlas.ports.ledger.RunKind;
import io.atlas.ports.ledger.RunLedger;
import io.atlas.ports.ledger.RunRecord;
import io.atlas.ports.ledger.RunState;
import io.atlas.ports.lock.RunConflictException;
import io.atlas.ports.lock.RunLocks;
import io.atlas.ports.storage.ObjectStore;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the next command does about runs whose process died: a pipeline run still {@code RUNNING} in the ledger whose
 * date lock can be taken has no live process (the operating system freed a dead holder's file lock; an S3 lease
 * expired), so it is marked {@link RunState#ABANDONED}, and the part files it published but never committed are
 * removed from that date's partitions. Only dates whose lock this process holds are touched, so a live run's files
 * are never deleted.
 */
public final class RunRecovery {
    private static final Logger LOG = LoggerFactory.getLogger(RunRecovery.class);

    private final RunLedger ledger;
    private final RunLocks locks;
    private final ObjectStore store;
    private final RunContexts clock;

    public RunRecovery(RunLedger ledger, RunLocks locks, ObjectStore store, RunContexts clock) {
        this.ledger = requireNonNull(ledger, "ledger is null");
        this.locks = requireNonNull(locks, "locks is null");
        this.store = requireNonNull(store, "store is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    /** Marks the dead runs abandoned and cleans their dates; returns the runs it marked. */
    public List<RunRecord> recover() {
        List<RunRecord> abandoned = new ArrayList<>();
        for (RunRecord run : ledger.list()) {
            if (run.state() == RunState.RUNNING && run.kind() == RunKind.PIPELINE && run.processDate().isPresent()) {
                recover(run.runId(), run.processDate().get()).ifPresent(abandoned::add);
            }
        }
        return abandoned;
    }

    private Optional<RunRecord> recover(RunId runId, LocalDate date) {
        RunId recovery = RunId.of("recovery-" + clock.next().runId().value());
        try (RunLocks.Held held = locks.acquire(date, recovery)) {
            Optional<RunRecord> current = ledger.find(runId).filter(r -> r.state() == RunState.RUNNING);
            if (current.isEmpty()) {
                return Optional.empty(); // it ended between the listing and the lock
            }
            RunRecord run = current.get();
            String message = "Cannot finish " + date + ": the process running it died (killed, out of memory, or a full"
                    + " disk kept it from recording its end); rerun the date";
            RunRecord marked = run.runningStep().map(step -> run.withStep(step.abandoned(clock.now(), message))).orElse(run)
                    .ended(clock.now(), RunState.ABANDONED);
            int removed = removeUncommitted(store, date);
            ledger.save(marked);
            LOG.info("Run {} for {} was left running by a dead process: marked ABANDONED, {} uncommitted files removed",
                    runId.value(), date, removed);
            return Optional.of(marked);
        } catch (RunConflictException live) {
            return Optional.empty();
        }
    }

    /**
     * Removes the part files of {@code date}'s run outputs that no commit marker names; the caller holds the date's
     * run lock. Returns how many it removed.
     */
    public static int removeUncommitted(ObjectStore store, LocalDate date) {
        int removed = 0;
        for (DayPartition partition : PartitionCommit.runOutputs(date)) {
            for (ObjectKey stray : PartitionCommit.uncommittedFiles(store, partition)) {
                store.delete(stray);
                removed++;
            }
        }
        return removed;
    }
}
