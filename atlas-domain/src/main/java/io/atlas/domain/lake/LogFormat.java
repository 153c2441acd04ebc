package io.atlas.domain.lake;

import java.util.Optional;

/** The three raw formats of SPEC §1; each lands under {@code raw/<folder>/}. */
public enum LogFormat {
    NDJSON("ndjson", LogType.ACCESS),
    JSON_GZIP("json_gzip", LogType.ACCESS),
    XML_ERRORS("xml_errors", LogType.ERROR);

    private final String folder;
    private final LogType logType;

    LogFormat(String folder, LogType logType) {
        this.folder = folder;
        this.logType = logType;
    }

    /** The prefix folder below {@code raw/}, {@code validated/} and {@code archive/validated/}; also the {@code raw_format} column. */
    public String folder() {
        return folder;
    }

    public LogType logType() {
        return logType;
    }

    public static Optional<LogFormat> fromFolder(String folder) {
        for (LogFormat format : values()) {
            if (format.folder.equals(folder)) {
                return Optional.of(format);
            }
        }
        return Optional.empty();
    }
}
