package io.atlas.app.reliability;

import io.atlas.domain.run.RunId;
import io.atlas.local.lock.FileRunLocks;
import java.nio.file.Path;
import java.time.LocalDate;

/** Run in a forked JVM: takes a date's run lock, says so, and holds it until killed. */
public final class HoldLock {
    private HoldLock() {}

    public static void main(String[] args) throws InterruptedException {
        new FileRunLocks(Path.of(args[0])).acquire(LocalDate.parse(args[1]), RunId.of("holder-in-a-fork"));
        System.out.println("HOLDING");
        System.out.flush();
        Thread.sleep(120_000);
    }
}
