package io.atlas.app.service;

import java.time.LocalDate;
import java.util.List;

/** The reconciliation of one day: every check with its verdict and what it found. */
public record ValidationReport(LocalDate date, List<Check> checks) {
    public ValidationReport {
        checks = List.copyOf(checks);
    }

    public record Check(String name, boolean passed, String detail) {}

    public boolean passed() {
        return checks.stream().allMatch(Check::passed);
    }

    public List<Check> breaches() {
        return checks.stream().filter(c -> !c.passed()).toList();
    }
}
