package io.atlas.app.service;

import io.atlas.ports.AtlasException;
import io.atlas.ports.ErrorCategory;
import java.time.LocalDate;
import java.util.stream.Collectors;

/** {@code validate} found a breach. */
public final class ValidationFailedException extends AtlasException {
    private static final long serialVersionUID = 1L;

    public ValidationFailedException(LocalDate date, ValidationReport report) {
        super(ErrorCategory.INTERNAL, "Cannot validate " + date + ": " + report.breaches().stream()
                .map(c -> c.name() + " (" + c.detail() + ")").collect(Collectors.joining("; ")));
    }
}
