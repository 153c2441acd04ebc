package io.atlas.aws.athena;

import static java.util.Objects.requireNonNull;

import io.atlas.ports.ErrorCategory;
import io.atlas.ports.query.QueryEngine;
import io.atlas.ports.query.QueryException;
import io.atlas.ports.query.QueryResult;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.athena.AthenaClient;
import software.amazon.awssdk.services.athena.model.ColumnInfo;
import software.amazon.awssdk.services.athena.model.Datum;
import software.amazon.awssdk.services.athena.model.GetQueryResultsResponse;
import software.amazon.awssdk.services.athena.model.QueryExecution;
import software.amazon.awssdk.services.athena.model.QueryExecutionState;
import software.amazon.awssdk.services.athena.model.Row;

/**
 * The query port on Amazon Athena over the Glue Data Catalog: starts the query in the given workgroup (and result
 * location), polls until it ends, and pages through the results, typing values by Athena's column types.
 */
public final class AthenaQueryEngine implements QueryEngine {
    private static final DateTimeFormatter TIMESTAMP = new DateTimeFormatterBuilder()
            .appendPattern("yyyy-MM-dd HH:mm:ss")
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true).optionalEnd()
            .toFormatter();

    /** Waits between polls; tests replace it. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    /** Where and how queries run. */
    public record Settings(String database, String workGroup, String outputLocation, Duration pollInterval, Duration timeout) {
        public Settings {
            requireNonNull(database, "database is null");
            requireNonNull(workGroup, "workGroup is null");
            requireNonNull(pollInterval, "pollInterval is null");
            requireNonNull(timeout, "timeout is null");
        }
    }

    private final AthenaClient athena;
    private final Settings settings;
    private final Sleeper sleeper;

    public AthenaQueryEngine(AthenaClient athena, Settings settings, Sleeper sleeper) {
        this.athena = requireNonNull(athena, "athena is null");
        this.settings = requireNonNull(settings, "settings is null");
        this.sleeper = requireNonNull(sleeper, "sleeper is null");
    }

    @Override
    public QueryResult execute(String sql) {
        try {
            String id = athena.startQueryExecution(b -> {
                b.queryString(sql).workGroup(settings.workGroup())
                        .queryExecutionContext(c -> c.database(settings.database()).catalog("AwsDataCatalog"));
                if (settings.outputLocation() != null) {
                    b.resultConfiguration(r -> r.outputLocation(settings.outputLocation()));
                }
            }).queryExecutionId();
            await(id);
            return results(id);
        } catch (SdkException e) {
            throw new QueryException(e.retryable() ? ErrorCategory.TRANSIENT : ErrorCategory.USER_ERROR,
                    "Cannot run query: " + e.getMessage(), e);
        }
    }

    private void await(String id) {
        long waited = 0;
        while (true) {
            QueryExecution execution = athena.getQueryExecution(b -> b.queryExecutionId(id)).queryExecution();
            QueryExecutionState state = execution.status().state();
            if (state == QueryExecutionState.SUCCEEDED) {
                return;
            }
            if (state == QueryExecutionState.FAILED || state == QueryExecutionState.CANCELLED) {
                Integer category = execution.status().athenaError() == null ? null : execution.status().athenaError().errorCategory();
                throw new QueryException(category != null && category == 2 ? ErrorCategory.USER_ERROR
                        : category != null && category == 3 ? ErrorCategory.TRANSIENT : ErrorCategory.INTERNAL,
                        "Cannot run query " + id + ": " + state + " (" + execution.status().stateChangeReason() + ")", null);
            }
            if (waited >= settings.timeout().toMillis()) {
                athena.stopQueryExecution(b -> b.queryExecutionId(id));
                throw new QueryException(ErrorCategory.TRANSIENT, "Cannot run query " + id + ": no result after "
                        + settings.timeout(), null);
            }
            try {
                sleeper.sleep(settings.pollInterval());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new QueryException(ErrorCategory.TRANSIENT, "Cannot run query " + id + ": interrupted", e);
            }
            waited += settings.pollInterval().toMillis();
        }
    }

    private QueryResult results(String id) {
        List<String> columns = new ArrayList<>();
        List<String> types = new ArrayList<>();
        List<List<Object>> rows = new ArrayList<>();
        boolean first = true;
        for (GetQueryResultsResponse page : athena.getQueryResultsPaginator(b -> b.queryExecutionId(id))) {
            if (columns.isEmpty()) {
                for (ColumnInfo column : page.resultSet().resultSetMetadata().columnInfo()) {
                    columns.add(column.label() != null ? column.label() : column.name());
                    types.add(column.type().toLowerCase(Locale.ROOT));
                }
            }
            for (Row row : page.resultSet().rows()) {
                if (first) {
                    first = false;
                    if (isHeader(row, columns)) {
                        continue; // SELECT results repeat the column names as their first row
                    }
                }
                List<Object> values = new ArrayList<>();
                for (int i = 0; i < columns.size(); i++) {
                    Datum datum = i < row.data().size() ? row.data().get(i) : null;
                    values.add(value(datum == null ? null : datum.varCharValue(), types.get(i)));
                }
                rows.add(values);
            }
        }
        return new QueryResult(columns, rows);
    }

    private static boolean isHeader(Row row, List<String> columns) {
        if (row.data().size() != columns.size()) {
            return false;
        }
        for (int i = 0; i < columns.size(); i++) {
            if (!columns.get(i).equals(row.data().get(i).varCharValue())) {
                return false;
            }
        }
        return true;
    }

    static Object value(String text, String type) {
        if (text == null) {
            return null;
        }
        return switch (type) {
            case "tinyint", "smallint", "integer", "int", "bigint" -> Long.parseLong(text);
            case "double", "float", "real" -> Double.parseDouble(text);
            case "decimal" -> new BigDecimal(text);
            case "boolean" -> Boolean.parseBoolean(text);
            case "date" -> LocalDate.parse(text);
            case "timestamp" -> LocalDateTime.parse(text, TIMESTAMP).toInstant(ZoneOffset.UTC);
            default -> type.startsWith("decimal") ? new BigDecimal(text) : text;
        };
    }

}
