package io.atlas.app.glue;

import io.atlas.app.AtlasSettings;
import io.atlas.app.SettingsSources;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The arguments AWS Glue passes a job: {@code --key value} pairs. Atlas reads {@code --process_date} and
 * {@code --lake} (an {@code s3://bucket/prefix} or a directory), uses {@code --JOB_RUN_ID} as its run id when present,
 * keeps {@code --table} (the crawl job's table) when present, reads every Atlas setting given as
 * {@code --atlas.<key> value} into the same {@link AtlasSettings} the CLI uses, and ignores the rest
 * ({@code --JOB_NAME}, {@code --TempDir}, bookmarks...).
 */
public record GlueArguments(LocalDate processDate, String lake, Optional<String> jobRunId, Optional<String> table,
        AtlasSettings settings) {

    public static GlueArguments parse(String[] args) {
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("--")) {
                continue;
            }
            int equals = arg.indexOf('=');
            if (equals > 0) {
                values.put(arg.substring(2, equals), arg.substring(equals + 1));
            } else if (i + 1 < args.length && !args[i + 1].startsWith("--")) {
                values.put(arg.substring(2), args[++i]);
            }
        }
        String date = values.get("process_date");
        String lake = values.get("lake");
        if (date == null || lake == null) {
            throw new IllegalArgumentException("Cannot start the job: --process_date YYYY-MM-DD and --lake URI are required");
        }
        try {
            return new GlueArguments(LocalDate.parse(date), lake, Optional.ofNullable(values.get("JOB_RUN_ID")),
                    Optional.ofNullable(values.get("table")), AtlasSettings.from(lake, SettingsSources.fromArguments(values)));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("Cannot start the job: --process_date '" + date + "' is not a date (yyyy-MM-dd)");
        }
    }
}
