package io.atlas.domain.record;

import io.atlas.domain.lake.LogFormat;
import io.atlas.domain.lake.LogType;
import io.atlas.domain.record.FieldRules.Failure;
import io.atlas.domain.record.TimestampCheck;
import java.util.Optional;

/**
 * Turns a source record's fields into a {@link CanonicalRecord} or a rejection, checking in the order of SPEC
 * §3: timestamp, ip, request_type, status, then the rest (device, endpoint, message, service, app_name); the first
 * failure is the reason.
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

    // The checks run in SPEC §3's order and stop at the first failure. A passing check allocates nothing (its
    // value is read after), so an accepted record costs no object per field.
    private RecordOutcome validateAccess(SourceFields f, TimestampCheck.Valid time, LogFormat format, String sourceFile) {
        Failure failed = FieldRules.textFailure(f, SourceField.IP, true);
        if (failed == null) {
            failed = FieldRules.textFailure(f, SourceField.REQUEST_TYPE, true);
        }
        if (failed == null) {
            failed = FieldRules.statusFailure(f, SourceField.STATUS);
        }
        if (failed == null) {
            failed = FieldRules.textFailure(f, SourceField.USER_AGENT, false);
        }
        if (failed == null) {
            failed = FieldRules.textFailure(f, SourceField.ENDPOINT, false);
        }
        if (failed == null) {
            failed = FieldRules.textFailure(f, SourceField.MESSAGE, false);
        }
        if (failed == null) {
            failed = FieldRules.textFailure(f, SourceField.SERVICE, false);
        }
        if (failed == null) {
            failed = FieldRules.textFailure(f, SourceField.APP_NAME, false);
        }
        if (failed != null) {
            return rejected(failed, time);
        }
        String service = FieldRules.text(f, SourceField.SERVICE);
        String appName = FieldRules.text(f, SourceField.APP_NAME);
        String app = service != null ? service : appName != null ? appName : appNames.forFormat(format);
        String requestType = FieldRules.canonicalRequestType(FieldRules.text(f, SourceField.REQUEST_TYPE));
        return accepted(time, FieldRules.text(f, SourceField.IP), FieldRules.text(f, SourceField.USER_AGENT),
                requestType, FieldRules.status(f, SourceField.STATUS), FieldRules.text(f, SourceField.ENDPOINT),
                FieldRules.text(f, SourceField.MESSAGE), app, LogType.ACCESS, format, sourceFile);
    }

    private RecordOutcome validateError(SourceFields f, TimestampCheck.Valid time, LogFormat format, String sourceFile) {
        Failure failed = FieldRules.textFailure(f, SourceField.CLIENT_IP, true);
        if (failed == null) {
            failed = FieldRules.statusFailure(f, SourceField.ERROR_CODE);
        }
        if (failed == null) {
            failed = FieldRules.textFailure(f, SourceField.MESSAGE, false);
        }
        if (failed == null) {
            failed = FieldRules.textFailure(f, SourceField.SERVICE, true);
        }
        if (failed != null) {
            return rejected(failed, time);
        }
        return accepted(time, FieldRules.text(f, SourceField.CLIENT_IP), null, ERROR_REQUEST_TYPE,
                FieldRules.status(f, SourceField.ERROR_CODE), null, FieldRules.text(f, SourceField.MESSAGE),
                FieldRules.text(f, SourceField.SERVICE), LogType.ERROR, format, sourceFile);
    }

    private RecordOutcome accepted(TimestampCheck.Valid time, String ip, String device, String requestType,
            int status, String endpoint, String message, String appName, LogType logType, LogFormat format,
            String sourceFile) {
        long millis = time.instant().toEpochMilli();
        String logId = hasher.logId(logType, millis, ip, device, requestType, status, endpoint, message, appName);
        return new RecordOutcome.Accepted(new CanonicalRecord(logId, time.instant(), ip, device, requestType,
                status, endpoint, message, appName, logType, format, sourceFile));
    }

    private static RecordOutcome rejected(Failure failed, TimestampCheck.Valid time) {
        return new RecordOutcome.Rejected(failed.reason(), failed.detail(), Optional.of(time.utcDay()));
    }
}
