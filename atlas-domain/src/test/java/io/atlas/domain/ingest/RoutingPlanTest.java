package io.atlas.domain.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.atlas.domain.lake.LogFormat;
import io.atlas.domain.lake.ObjectKey;
import java.time.LocalDate;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RoutingPlanTest {
    private static final LocalDate D28 = LocalDate.of(2024, 11, 28);
    private static final LocalDate D29 = LocalDate.of(2024, 11, 29);
    private static final LocalDate D30 = LocalDate.of(2024, 11, 30);

    @Test
    void copiesToEveryTouchedDayAndRemovesCopiesOnDaysNoLongerTouched() {
        RoutingPlan plan = RoutingPlan.of(LogFormat.NDJSON, "team/a.ndjson", Set.of(D30, D29), Set.of(D28, D29));

        assertThat(plan.copies()).containsExactly(
                ObjectKey.of("validated/ndjson/year=2024/month=11/day=29/team/a.ndjson"),
                ObjectKey.of("validated/ndjson/year=2024/month=11/day=30/team/a.ndjson"));
        assertThat(plan.staleCopies()).containsExactly(
                ObjectKey.of("validated/ndjson/year=2024/month=11/day=28/team/a.ndjson"));
        assertThat(plan.changedDays()).containsExactly(D28, D29, D30);
    }

    @Test
    void aFirstUploadHasNothingStale() {
        RoutingPlan plan = RoutingPlan.of(LogFormat.XML_ERRORS, "e.xml", Set.of(D29), Set.of());

        assertThat(plan.staleCopies()).isEmpty();
        assertThat(plan.copies()).containsExactly(ObjectKey.of("validated/xml_errors/year=2024/month=11/day=29/e.xml"));
    }
}
