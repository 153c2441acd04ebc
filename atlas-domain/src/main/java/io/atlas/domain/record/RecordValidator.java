package io.atlas.domain.record;

import io.atlas.domain.lake.LogFormat;
import io.atlas.domain.lake.LogType;
import io.atlas.domain.record.FieldRules.Checked;
import io.atlas.domain.record.TimestampCheck;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Turns a source record's fields into a {@link CanonicalRecord} or a rejection, checking in the order of SPEC
 * §3: timestamp, ip, request_type, status, then the rest (device, endpoint, message, app_name); the first failure
 * is the reason.
 *
 * <p>Not thread-safe (it owns a {@link LogIdHasher}): one instance per thread.
 */
public final class RecordValidator {
    private static final String ERROR_REQUEST_TYPE = "ERROR";

    private final AppNameDefaults appNames;
    private final LogIdHasher hasher = new LogIdHasher();

    public RecordValidator(AppNameDefaults appNames) {
        this.appNames = appNames;
    }

    /** The event time alone, as routing and day ownership need it (same rule as {@link #validate}). */
    public static TimestampCheck eventTime(SourceFields fields, LogFormat format) {
        return FieldRules.eventTime(fields, timestampField(format));
    }

    private static SourceField timestampField(LogFormat format) {
        return format.logType() == LogType.ERROR ? SourceField.ERROR_TIME : SourceField.TIMESTAMP;
    }

    public RecordOutcome validate(SourceFields fields, LogFormat format, String sourceFile) {
        TimestampCheck time = eventTime(fields, format);
        if (time instanceof TimestampCheck.Invalid invalid) {
            return new RecordOutcome.Rejected(invalid.reason(), invalid.detail(), Optional.empty());
        }
        return validate(fields, (TimestampCheck.Valid) time, format, sourceFile);
    }

    /** The checks after the timestamp, for a caller that has checked it already ({@link #eventTime}). */
    public RecordOutcome validate(SourceFields fields, TimestampCheck.Valid time, LogFormat format, String sourceFile) {
        return format.logType() == LogType.ERROR
                ? validateError(fields, time, format, sourceFile)
                : validateAccess(fields, time, format, sourceFile);
    }

    private RecordOutcome validateAccess(SourceFields f, TimestampCheck.Valid time, LogFormat format, String sourceFile) {
        Checked<String> ip = FieldRules.requiredText(f, SourceField.IP);
        Checked<String> requestType = FieldRules.requiredText(f, SourceField.REQUEST_TYPE);
        Checked<Integer> status = FieldRules.status(f, SourceField.STATUS);
        Checked<String> device = FieldRules.optionalText(f, SourceField.USER_AGENT);
        Checked<String> endpoint = FieldRules.optionalText(f, SourceField.ENDPOINT);
        Checked<String> message = FieldRules.optionalText(f, SourceField.MESSAGE);
        Checked<String> service = FieldRules.optionalText(f, SourceField.SERVICE);
        Checked<String> appName = FieldRules.optionalText(f, SourceField.APP_NAME);
        Checked.Failed<?> failed = firstFailure(ip, requestType, status, device, endpoint, message, service, appName);
        if (failed != null) {
            return rejected(failed, time);
        }
        String app = value(service) != null ? value(service) : value(appName) != null ? value(appName) : appNames.forFormat(format);
        return accepted(time, value(ip), value(device), FieldRules.canonicalRequestType(value(requestType)),
                value(status), value(endpoint), value(message), app, LogType.ACCESS, format, sourceFile);
    }

    private RecordOutcome validateError(SourceFields f, TimestampCheck.Valid time, LogFormat format, String sourceFile) {
        Checked<String> ip = FieldRules.requiredText(f, SourceField.CLIENT_IP);
        Checked<Integer> status = FieldRules.status(f, SourceField.ERROR_CODE);
        Checked<String> message = FieldRules.optionalText(f, SourceField.MESSAGE);
        Checked<String> service = FieldRules.requiredText(f, SourceField.SERVICE);
        Checked.Failed<?> failed = firstFailure(ip, status, message, service);
        if (failed != null) {
            return rejected(failed, time);
        }
        return accepted(time, value(ip), null, ERROR_REQUEST_TYPE, value(status), null, value(message),
                value(service), LogType.ERROR, format, sourceFile);
    }

    /** The first failed check, in the order given (SPEC §3's order); null when all passed. */
    private static Checked.@Nullable Failed<?> firstFailure(Checked<?>... checks) {
        for (Checked<?> check : checks) {
            if (check instanceof Checked.Failed<?> failed) {
                return failed;
            }
        }
        return null;
    }

    private RecordOutcome accepted(TimestampCheck.Valid time, String ip, String device, String requestType,
            int status, String endpoint, String message, String appName, LogType logType, LogFormat format,
            String sourceFile) {
        long millis = time.instant().toEpochMilli();
        String logId = hasher.logId(logType, millis, ip, device, requestType, status, endpoint, message, appName);
        return new RecordOutcome.Accepted(new CanonicalRecord(logId, time.instant(), ip, device, requestType,
                status, endpoint, message, appName, logType, format, sourceFile));
    }

    private static RecordOutcome rejected(Checked.Failed<?> failed, TimestampCheck.Valid time) {
        return new RecordOutcome.Rejected(failed.reason(), failed.detail(), Optional.of(time.utcDay()));
    }

    @SuppressWarnings("NullAway")
    private static <T> T value(Checked<T> checked) {
        return ((Checked.Ok<T>) checked).value();
    }
}
