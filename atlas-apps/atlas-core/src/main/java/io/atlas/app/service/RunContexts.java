package io.atlas.app.service;

import static java.util.Objects.requireNonNull;

import io.atlas.domain.run.RunContext;
import io.atlas.domain.run.RunId;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;

/**
 * Makes the {@link RunContext} of each new run at the edge of the system: the only place (with the scheduler) that
 * reads the clock. Run ids sort by start time: {@code yyyyMMdd'T'HHmmss'Z'-<8 hex>}.
 */
public final class RunContexts {
    private static final DateTimeFormatter ID_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public RunContexts(Clock clock) {
        this.clock = requireNonNull(clock, "clock is null");
    }

    public RunContext next() {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        byte[] suffix = new byte[4];
        random.nextBytes(suffix);
        return new RunContext(RunId.of(ID_TIME.format(now) + "-" + HexFormat.of().formatHex(suffix)), now);
    }

    public Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    public Clock clock() {
        return clock;
    }
}
