package io.atlas.domain.lake;

import io.atlas.domain.run.RunId;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Every key of the lake layout of SPEC §1, built in one place. */
public final class LakeLayout {
    public static final String RAW = "raw/";
    public static final String VALIDATED = "validated/";
    public static final String PROCESSED_LOGS = "processed/logs/";
    public static final String DAILY_ACTIVITY = "analytics/daily_activity/";
    public static final String DATA_QUALITY_REJECTS = "rejected/data_quality/";
    public static final String LAMBDA_REJECTS = "rejected/system/lambda/";
    public static final String GLUE_FAILURES = "rejected/system/glue/";
    public static final String ARCHIVE = "archive/validated/";
    /** Atlas's own state (catalog, run ledger, routing index, locks): not part of any table. */
    public static final String ATLAS_STATE = "_atlas/";

    private static final DateTimeFormatter INGEST_TS =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final Pattern VALIDATED_KEY =
            Pattern.compile("validated/([^/]+)/year=(\\d{4})/month=(\\d{2})/day=(\\d{2})/(.+)");

    private LakeLayout() {}

    /** {@code year=YYYY/month=MM/day=DD}, zero-padded. */
    public static String dayPath(LocalDate day) {
        return String.format("year=%04d/month=%02d/day=%02d", day.getYear(), day.getMonthValue(), day.getDayOfMonth());
    }

    /** {@code validated/<format>/year=YYYY/month=MM/day=DD/} */
    public static String validatedDayPrefix(LogFormat format, LocalDate day) {
        return VALIDATED + format.folder() + "/" + dayPath(day) + "/";
    }

    public static ObjectKey validatedKey(LogFormat format, LocalDate day, String name) {
        return ObjectKey.of(validatedDayPrefix(format, day) + name);
    }

    /** A parsed {@code validated/} key. */
    public record ValidatedKey(LogFormat format, LocalDate day, String name) {}

    public static Optional<ValidatedKey> parseValidatedKey(ObjectKey key) {
        Matcher m = VALIDATED_KEY.matcher(key.value());
        if (!m.matches()) {
            return Optional.empty();
        }
        Optional<LogFormat> format = LogFormat.fromFolder(m.group(1));
        if (format.isEmpty()) {
            return Optional.empty();
        }
        try {
            LocalDate day = LocalDate.of(
                    Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)), Integer.parseInt(m.group(4)));
            return Optional.of(new ValidatedKey(format.get(), day, m.group(5)));
        } catch (java.time.DateTimeException e) {
            return Optional.empty();
        }
    }

    /** UTC {@code yyyyMMdd'T'HHmmss'Z'}. */
    public static String ingestTimestamp(Instant instant) {
        return INGEST_TS.format(instant);
    }

    /** {@code archive/validated/<format>/<name>_<ingest_ts>_<run_id>} */
    public static ObjectKey archiveKey(LogFormat format, String name, Instant ingestedAt, RunId runId) {
        return ObjectKey.of(ARCHIVE + format.folder() + "/" + suffixed(name, ingestedAt, runId));
    }

    /**
     * {@code rejected/system/lambda/<folder>/<name>_<ingest_ts>_<run_id>}; a file directly below {@code raw/}
     * (empty folder) goes directly below {@code rejected/system/lambda/}.
     */
    public static ObjectKey lambdaRejectKey(String folder, String name, Instant ingestedAt, RunId runId) {
        String prefix = folder.isEmpty() ? LAMBDA_REJECTS : LAMBDA_REJECTS + folder + "/";
        return ObjectKey.of(prefix + suffixed(name, ingestedAt, runId));
    }

    /** The {@code .error.json} sidecar of a file-level reject. */
    public static ObjectKey errorSidecarKey(ObjectKey rejectKey) {
        return ObjectKey.of(rejectKey.value() + ".error.json");
    }

    /** {@code rejected/system/glue/<job>/<process_date>/<run_id>.json} */
    public static ObjectKey glueFailureKey(String job, LocalDate processDate, RunId runId) {
        return ObjectKey.of(GLUE_FAILURES + job + "/" + processDate + "/" + runId.value() + ".json");
    }

    /** {@code processed/logs/log_type=<t>/year=YYYY/month=MM/day=DD/} */
    public static String processedPartition(LogType logType, LocalDate day) {
        return PROCESSED_LOGS + "log_type=" + logType.partitionValue() + "/" + dayPath(day) + "/";
    }

    /** {@code rejected/data_quality/year=YYYY/month=MM/day=DD/} */
    public static String rejectsPartition(LocalDate day) {
        return DATA_QUALITY_REJECTS + dayPath(day) + "/";
    }

    /** {@code analytics/daily_activity/date=YYYY-MM-DD/} */
    public static String dailyActivityPartition(LocalDate day) {
        return DAILY_ACTIVITY + "date=" + day + "/";
    }

    private static String suffixed(String name, Instant ingestedAt, RunId runId) {
        return name + "_" + ingestTimestamp(ingestedAt) + "_" + runId.value();
    }
}
