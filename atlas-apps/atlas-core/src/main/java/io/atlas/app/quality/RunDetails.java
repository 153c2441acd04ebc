package io.atlas.app.quality;

import static java.util.Objects.requireNonNull;

import io.atlas.domain.quality.DayDiff;
import io.atlas.domain.quality.DaySnapshot;
import io.atlas.domain.quality.GateOutcome;
import io.atlas.domain.quality.GateStatus;
import io.atlas.domain.quality.QualityGates;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The ledger's companion record of one successful pipeline run: the day's snapshot (inputs, row, rejects), the
 * quality gates' outcomes and, for a rerun, what changed since {@code previousRunId}.
 */
public record RunDetails(String runId, LocalDate date, DaySnapshot snapshot, List<GateOutcome> gates,
        Optional<Change> change) {

    /** What a rerun changed since the previous successful run of the day. */
    public record Change(String previousRunId, DayDiff diff) {
        public Change {
            requireNonNull(previousRunId, "previousRunId is null");
            requireNonNull(diff, "diff is null");
        }
    }

    public RunDetails {
        requireNonNull(runId, "runId is null");
        requireNonNull(date, "date is null");
        requireNonNull(snapshot, "snapshot is null");
        gates = List.copyOf(gates);
        requireNonNull(change, "change is null");
    }

    /** The worst gate outcome; {@code PASS} when no gate tripped. */
    public GateStatus gateStatus() {
        return QualityGates.worst(gates);
    }

    /** The tripped gates, one sentence each. */
    public List<GateOutcome> tripped() {
        return gates.stream().filter(g -> g.status() == GateStatus.WARN || g.status() == GateStatus.FAIL).toList();
    }
}
