package io.atlas.app.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.atlas.domain.lake.ObjectKey;
import io.atlas.ports.inmemory.InMemoryObjectStore;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The stack's state machine executed, not just parsed: the definition is taken from {@code atlas-stack.json} (its
 * {@code ${...}} substitutions resolved as CloudFormation would) and run by npm {@code aws-local-stepfunctions}
 * ({@code src/test/sfn/run-state-machine.mjs}). Every Task state calls back into this JVM on 127.0.0.1: PlanDates
 * and RecordSuccess/RecordFailure run the real {@link PlanHandler} and {@link RunEndHandler} on a lake, the Glue and
 * SNS tasks are served here, record their calls and fail or throttle when a test says so.
 *
 * <p>aws-local-stepfunctions 3.0.0 honours (read in its source, {@code StateExecutor.shouldRetry} and
 * {@code MapStateAction}): Retry's ErrorEquals, MaxAttempts, IntervalSeconds, BackoffRate, MaxDelaySeconds and
 * JitterStrategy FULL; Catch with ResultPath; the Map's ItemsPath, ItemSelector and MaxConcurrencyPath (a p-limit
 * of that size). Retry pauses are recorded by the runner instead of slept (they are minutes), with FULL jitter pinned
 * to the top of its range, so the recorded pauses are the backoff's caps.
 *
 * <p>Needs node and {@code npm ci} in src/test/sfn; skipped with a message without them, failed under CI=true.
 */
class PipelineStateMachineTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path SFN = Path.of("src/test/sfn");
    private static final String ACCOUNT = "123456789012";
    private static final Pattern SUBSTITUTION = Pattern.compile("\\$\\{([A-Za-z0-9]+)}");
    private static final List<String> GLUE_STEPS = List.of("Normalize", "CrawlLogs", "Aggregate", "CrawlDailyActivity");
    private static final LocalDate DAY = LocalDate.of(2024, 11, 29);
    private static Path definition;
    private static JsonNode substitutions;
    private static String node;

    private InMemoryObjectStore lake;
    /** Errors to answer, in order, per "state/date" (date empty for PlanDates); an empty queue answers success. */
    private final Map<String, Queue<String>> scripted = new ConcurrentHashMap<>();
    private final List<Call> calls = Collections.synchronizedList(new ArrayList<>());
    private final Set<String> activeDates = ConcurrentHashMap.newKeySet();
    private final AtomicInteger mostActiveDates = new AtomicInteger();
    private final AtomicInteger jobRuns = new AtomicInteger();

    record Call(String state, String date, JsonNode input, boolean failed) {}

    record Report(String status, JsonNode output, String error, String cause, List<Long> retryPausesMs) {}

    @BeforeAll
    static void nodeAndTheTemplatesDefinition() throws IOException {
        boolean ci = "true".equals(System.getenv("CI"));
        node = onPath("node");
        String missing = node == null ? "node is not on the PATH"
                : !Files.isDirectory(SFN.resolve("node_modules/aws-local-stepfunctions"))
                        ? "aws-local-stepfunctions is not installed (run npm ci in atlas-apps/atlas-tests/src/test/sfn)" : null;
        if (missing != null) {
            if (ci) {
                fail("CI=true: the state machine must be executed, but " + missing);
            }
            Assumptions.abort("Skipped: " + missing + "; under CI=true this fails the build");
        }
        JsonNode template = JSON.readTree(Path.of("../atlas-lambda/src/main/aws/atlas-stack.json").toFile());
        JsonNode machine = template.path("Resources").path("PipelineStateMachine").path("Properties");
        substitutions = machine.path("DefinitionSubstitutions");
        String text = JSON.writeValueAsString(machine.path("Definition"));
        Matcher placeholder = SUBSTITUTION.matcher(text);
        StringBuilder resolved = new StringBuilder();
        while (placeholder.find()) {
            JsonNode value = substitutions.get(placeholder.group(1));
            assertThat(value).as("substitution for ${%s}", placeholder.group(1)).isNotNull();
            placeholder.appendReplacement(resolved, Matcher.quoteReplacement(resolve(value)));
        }
        placeholder.appendTail(resolved);
        assertThat(resolved.toString()).doesNotContain("${");
        definition = Files.createTempFile("atlas-pipeline", ".asl.json");
        definition.toFile().deleteOnExit();
        Files.writeString(definition, resolved);
    }

    /** {@code Ref} and {@code Fn::GetAtt [X, Arn]} as CloudFormation resolves them in a stack named atlas. */
    private static String resolve(JsonNode value) {
        if (value.has("Ref")) {
            String id = value.get("Ref").asText();
            return id.equals("NotificationTopic") ? "arn:aws:sns:us-east-1:" + ACCOUNT + ":atlas-" + id : "atlas-" + id;
        }
        String id = value.path("Fn::GetAtt").path(0).asText();
        return "arn:aws:lambda:us-east-1:" + ACCOUNT + ":function:atlas-" + id;
    }

    private static String onPath(String executable) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path candidate = Path.of(dir, executable);
            if (!dir.isEmpty() && Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        return null;
    }

    @BeforeEach
    void lakeWithPendingMarkers() {
        lake = new InMemoryObjectStore(Clock.systemUTC());
        for (int day = 0; day < 5; day++) {
            for (int marker = 0; marker < 3; marker++) {
                lake.write(ObjectKey.of("_atlas/pending/" + DAY.plusDays(day) + "/marker-" + marker),
                        "raw/ndjson/f.ndjson".getBytes(StandardCharsets.UTF_8));
            }
        }
    }

    @Test
    void oneDateRunsTheFourGlueStepsInOrderKeepingItsDateThenClearsItsMarkersAndNotifies() throws Exception {
        Report report = execute("exec-one", "{\"process_date\": \"" + DAY + "\"}");

        assertThat(report.status()).as(report.toString()).isEqualTo("SUCCEEDED");
        assertThat(states()).containsExactly("PlanDates", "Normalize", "CrawlLogs", "Aggregate", "CrawlDailyActivity",
                "RecordSuccess", "NotifySuccess");
        for (Call glue : calls.subList(1, 5)) {
            assertThat(glue.input().path("Arguments").path("--process_date").asText()).isEqualTo(DAY.toString());
        }
        assertThat(calls.get(1).input().path("JobName").asText()).isEqualTo("atlas-NormalizeJob");
        assertThat(calls.get(2).input().path("Arguments").path("--table").asText()).isEqualTo("logs");
        assertThat(calls.get(4).input().path("Arguments").path("--table").asText()).isEqualTo("daily_activity");
        JsonNode success = calls.get(5).input();
        assertThat(success.path("FunctionName").asText()).isEqualTo("arn:aws:lambda:us-east-1:" + ACCOUNT + ":function:atlas-RunEndFunction");
        assertThat(success.path("Payload").path("process_date").asText()).isEqualTo(DAY.toString());
        assertThat(success.path("Payload").path("execution").asText()).isEqualTo("exec-one");
        assertThat(success.path("Payload").path("steps").fieldNames()).toIterable()
                .containsExactlyInAnyOrder("normalize", "crawl_logs", "aggregate", "crawl_daily_activity");
        assertThat(calls.get(6).input().path("Subject").asText()).isEqualTo("Atlas " + DAY + ": SUCCEEDED");
        assertThat(calls.get(6).input().path("TopicArn").asText()).isEqualTo("arn:aws:sns:us-east-1:" + ACCOUNT + ":atlas-NotificationTopic");
        // the real RunEndHandler cleared the markers PlanHandler snapshotted for this date, and only those
        assertThat(lake.list("_atlas/pending/" + DAY + "/")).isEmpty();
        assertThat(lake.list("_atlas/pending/" + DAY.plusDays(1) + "/")).hasSize(3);
        assertThat(lake.list("_atlas/plans/")).isEmpty();
        assertThat(report.output().path("results").get(0).path("process_date").asText()).isEqualTo(DAY.toString());
    }

    @Test
    void aBackfillOfFiveDatesRunsThemAllAtMostTwoAtATimeAsThePlanSays() throws Exception {
        List<String> dates = IntStream.range(0, 5).mapToObj(d -> DAY.plusDays(d).toString()).toList();
        Report report = execute("exec-backfill", JSON.writeValueAsString(Map.of("process_dates", dates)));

        assertThat(report.status()).as(report.toString()).isEqualTo("SUCCEEDED");
        assertThat(report.output().path("plan").path("max_concurrency").asInt()).isEqualTo(2);
        assertThat(mostActiveDates.get()).as("dates between their Normalize and their notification at one time").isEqualTo(2);
        for (String date : dates) {
            assertThat(statesOf(date)).as(date).containsExactly("Normalize", "CrawlLogs", "Aggregate",
                    "CrawlDailyActivity", "RecordSuccess");
        }
        assertThat(states()).filteredOn("NotifySuccess"::equals).hasSize(5);
        assertThat(lake.list("_atlas/pending/")).isEmpty();
    }

    @Test
    void aFailedAggregateStopsTheDateRecordsTheFailureAndNotifiesAndNoLaterStepRuns() throws Exception {
        script("Aggregate", DAY, "States.TaskFailed");

        Report report = execute("exec-fail", "{\"process_date\": \"" + DAY + "\"}");

        assertThat(report.status()).isEqualTo("FAILED");
        assertThat(report.error()).isEqualTo("AtlasRunFailed");
        assertThat(states()).containsExactly("PlanDates", "Normalize", "CrawlLogs", "Aggregate", "RecordFailure", "NotifyFailure");
        ObjectKey record = ObjectKey.of("rejected/system/glue/aggregate/" + DAY + "/exec-fail.json");
        JsonNode failure = JSON.readTree(lake.readAllBytes(record));
        assertThat(failure.path("job").asText()).isEqualTo("aggregate");
        assertThat(failure.path("process_date").asText()).isEqualTo(DAY.toString());
        assertThat(failure.path("error_type").asText()).isEqualTo("States.TaskFailed");
        assertThat(failure.path("error").asText()).contains("Aggregate failed");
        assertThat(calls.get(calls.size() - 1).input().path("Subject").asText()).isEqualTo("Atlas " + DAY + ": FAILED in aggregate");
        assertThat(lake.list("_atlas/pending/" + DAY + "/")).as("a failed date stays pending").hasSize(3);
    }

    @Test
    void aDateFailingInABackfillIsRecordedAndNotifiedWhileTheOtherDatesFinishThenTheExecutionFails() throws Exception {
        List<String> dates = IntStream.range(0, 5).mapToObj(d -> DAY.plusDays(d).toString()).toList();
        LocalDate failing = DAY.plusDays(2);
        script("Aggregate", failing, "States.TaskFailed");

        Report report = execute("exec-backfill-one-fails", JSON.writeValueAsString(Map.of("process_dates", dates)));

        assertThat(report.status()).isEqualTo("FAILED");
        assertThat(report.error()).isEqualTo("AtlasRunFailed");
        assertThat(statesOf(failing.toString())).containsExactly("Normalize", "CrawlLogs", "Aggregate", "RecordFailure");
        for (String date : dates) {
            if (!date.equals(failing.toString())) {
                assertThat(statesOf(date)).as(date).containsExactly("Normalize", "CrawlLogs", "Aggregate",
                        "CrawlDailyActivity", "RecordSuccess");
                assertThat(lake.list("_atlas/pending/" + date + "/")).as(date).isEmpty();
            }
        }
        assertThat(mostActiveDates.get()).as("the Map's concurrency still holds").isEqualTo(2);
        JsonNode failure = JSON.readTree(lake.readAllBytes(
                ObjectKey.of("rejected/system/glue/aggregate/" + failing + "/exec-backfill-one-fails.json")));
        assertThat(failure.path("process_date").asText()).isEqualTo(failing.toString());
        assertThat(lake.list("rejected/system/glue/")).hasSize(1);
        synchronized (calls) {
            assertThat(calls).filteredOn(c -> c.state().equals("NotifyFailure"))
                    .extracting(c -> c.input().path("Subject").asText())
                    .containsExactly("Atlas " + failing + ": FAILED in aggregate");
            assertThat(calls).filteredOn(c -> c.state().equals("NotifySuccess")).hasSize(4);
        }
        assertThat(lake.list("_atlas/pending/" + failing + "/")).as("the failed date stays pending").hasSize(3);
    }

    @Test
    void glueTasksHittingConcurrentRunLimitsOrThrottlingAreRetriedWithTheTemplatesBackoff() throws Exception {
        script("Normalize", DAY, "Glue.ConcurrentRunsExceededException", "Glue.ConcurrentRunsExceededException",
                "Glue.ThrottlingException", "Glue.ThrottlingException", "Glue.ConcurrentRunsExceededException");

        Report report = execute("exec-throttled", "{\"process_date\": \"" + DAY + "\"}");

        assertThat(report.status()).as(report.toString()).isEqualTo("SUCCEEDED");
        assertThat(statesOf(DAY.toString())).containsExactly("Normalize", "Normalize", "Normalize", "Normalize",
                "Normalize", "Normalize", "CrawlLogs", "Aggregate", "CrawlDailyActivity", "RecordSuccess");
        // IntervalSeconds 60, BackoffRate 2, MaxDelaySeconds 900, FULL jitter at the top of its range
        assertThat(report.retryPausesMs()).containsExactly(60_000L, 120_000L, 240_000L, 480_000L, 900_000L);
    }

    @Test
    void aGlueTaskStillThrottledAfterSixRetriesFailsTheDateAsARecordedFailure() throws Exception {
        script("CrawlLogs", DAY, Collections.nCopies(7, "Glue.ThrottlingException").toArray(String[]::new));

        Report report = execute("exec-throttled-out", "{\"process_date\": \"" + DAY + "\"}");

        assertThat(report.status()).isEqualTo("FAILED");
        assertThat(statesOf(DAY.toString())).filteredOn("CrawlLogs"::equals).hasSize(7);
        assertThat(statesOf(DAY.toString())).doesNotContain("Aggregate", "RecordSuccess").contains("RecordFailure");
        JsonNode failure = JSON.readTree(lake.readAllBytes(ObjectKey.of("rejected/system/glue/crawl_logs/" + DAY + "/exec-throttled-out.json")));
        assertThat(failure.path("error_type").asText()).isEqualTo("Glue.ThrottlingException");
    }

    @Test
    void lambdaTasksRetryLambdaServiceErrorsAndOtherErrorsAreNotRetried() throws Exception {
        script("PlanDates", null, "Lambda.ServiceException", "Lambda.TooManyRequestsException");
        script("RecordSuccess", DAY, "Lambda.SdkClientException");

        Report report = execute("exec-lambda-retry", "{\"process_date\": \"" + DAY + "\"}");

        assertThat(report.status()).as(report.toString()).isEqualTo("SUCCEEDED");
        assertThat(states()).containsExactly("PlanDates", "PlanDates", "PlanDates", "Normalize", "CrawlLogs", "Aggregate",
                "CrawlDailyActivity", "RecordSuccess", "RecordSuccess", "NotifySuccess");
        // IntervalSeconds 2, BackoffRate 2: 2 s then 4 s for the plan, 2 s for the run-end function
        assertThat(report.retryPausesMs()).containsExactly(2_000L, 4_000L, 2_000L);
        assertThat(lake.list("_atlas/pending/" + DAY + "/")).isEmpty();

        calls.clear();
        script("PlanDates", null, "Lambda.Unknown");
        Report notRetried = execute("exec-lambda-unknown", "{\"process_date\": \"" + DAY + "\"}");
        assertThat(notRetried.status()).isEqualTo("FAILED");
        assertThat(notRetried.error()).isEqualTo("Lambda.Unknown");
        assertThat(states()).containsExactly("PlanDates");
    }

    @Test
    void aFailedSnsPublishNeverFailsADateWhoseWorkSucceeded() throws Exception {
        script("NotifySuccess", DAY, Collections.nCopies(5, "SNS.ThrottledException").toArray(String[]::new));
        script("NotifySuccess", DAY.plusDays(1), "SNS.AuthorizationErrorException");

        Report report = execute("exec-sns-down", JSON.writeValueAsString(
                Map.of("process_dates", List.of(DAY.toString(), DAY.plusDays(1).toString()))));

        assertThat(report.status()).as(report.toString()).isEqualTo("SUCCEEDED");
        assertThat(notifications(DAY)).as("1 + 4 retries").hasSize(5);
        assertThat(notifications(DAY.plusDays(1))).as("not retried").hasSize(1);
        JsonNode results = report.output().path("results");
        assertThat(results).hasSize(2);
        assertThat(results.get(0).path("notify_error").path("Error").asText()).isEqualTo("SNS.ThrottledException");
        assertThat(results.get(1).path("notify_error").path("Error").asText()).isEqualTo("SNS.AuthorizationErrorException");
        assertThat(report.output().path("statuses")).extracting(JsonNode::asText).containsExactly("SUCCEEDED", "SUCCEEDED");
        assertThat(lake.list("_atlas/pending/" + DAY + "/")).isEmpty();
        assertThat(lake.list("rejected/system/glue/")).isEmpty();
    }

    private void script(String state, LocalDate date, String... errors) {
        scripted.computeIfAbsent(state + "/" + (date == null ? "" : date), k -> new ConcurrentLinkedQueue<>())
                .addAll(List.of(errors));
    }

    private List<String> states() {
        synchronized (calls) {
            return calls.stream().map(Call::state).toList();
        }
    }

    private List<String> statesOf(String date) {
        synchronized (calls) {
            return calls.stream().filter(c -> date.equals(c.date())).map(Call::state)
                    .filter(s -> !s.startsWith("Notify")).toList();
        }
    }

    private List<Call> notifications(LocalDate date) {
        synchronized (calls) {
            return calls.stream().filter(c -> c.state().equals("NotifySuccess") && date.toString().equals(c.date())).toList();
        }
    }

    private Report execute(String execution, String input) throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        ExecutorService threads = Executors.newFixedThreadPool(8);
        server.setExecutor(threads);
        server.createContext("/task/", this::serve);
        server.start();
        try {
            Process process = new ProcessBuilder(node, "run-state-machine.mjs", definition.toAbsolutePath().toString(),
                    execution, input, Integer.toString(server.getAddress().getPort()))
                    .directory(SFN.toFile()).redirectErrorStream(false).start();
            process.getOutputStream().close();
            ByteArrayOutputStream stdout = new ByteArrayOutputStream();
            ByteArrayOutputStream stderr = new ByteArrayOutputStream();
            Thread out = drain(process.getInputStream(), stdout);
            Thread err = drain(process.getErrorStream(), stderr);
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                fail("the state machine did not finish in 120 s");
            }
            out.join();
            err.join();
            assertThat(process.exitValue()).as(stderr.toString(StandardCharsets.UTF_8)).isZero();
            String[] lines = stdout.toString(StandardCharsets.UTF_8).strip().split("\n");
            JsonNode report = JSON.readTree(lines[lines.length - 1]);
            List<Long> pauses = new ArrayList<>();
            report.path("retry_pauses_ms").forEach(p -> pauses.add(p.asLong()));
            return new Report(report.path("status").asText(), report.path("output"), report.path("error").asText(null),
                    report.path("cause").asText(null), pauses);
        } finally {
            server.stop(0);
            threads.shutdownNow();
        }
    }

    private static Thread drain(java.io.InputStream from, ByteArrayOutputStream to) {
        Thread thread = new Thread(() -> {
            try {
                from.transferTo(to);
            } catch (IOException ended) {
                // the process ended
            }
        });
        thread.start();
        return thread;
    }

    private void serve(HttpExchange exchange) throws IOException {
        String state = exchange.getRequestURI().getPath().substring("/task/".length());
        JsonNode input = JSON.readTree(exchange.getRequestBody());
        ObjectNode answer = JSON.createObjectNode();
        String date = dateOf(state, input);
        String error = null;
        try {
            Queue<String> errors = scripted.get(state + "/" + (date == null ? "" : date));
            error = errors == null ? null : errors.poll();
            if (error != null) {
                answer.put("error", error).put("cause", state + " failed (scripted " + error + ")");
            } else {
                answer.set("result", run(state, date, input));
            }
        } catch (RuntimeException | InterruptedException e) {
            error = e.getClass().getName();
            answer.put("error", "States.TaskFailed").put("cause", String.valueOf(e));
        } finally {
            calls.add(new Call(state, date, input, error != null));
        }
        byte[] body = JSON.writeValueAsBytes(answer);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, body.length);
        try (var out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static String dateOf(String state, JsonNode input) {
        if (GLUE_STEPS.contains(state)) {
            return input.path("Arguments").path("--process_date").asText();
        }
        if (state.startsWith("Record")) {
            return input.path("Payload").path("process_date").asText();
        }
        if (state.startsWith("Notify")) {
            Matcher subject = Pattern.compile("^Atlas (\\d{4}-\\d{2}-\\d{2}):").matcher(input.path("Subject").asText());
            return subject.find() ? subject.group(1) : null;
        }
        return null;
    }

    private JsonNode run(String state, String date, JsonNode input) throws IOException, InterruptedException {
        ObjectNode result = JSON.createObjectNode();
        switch (state) {
            case "PlanDates" -> lambda(result, new PlanHandler(lake, 30, 2), input);
            case "RecordSuccess", "RecordFailure" -> lambda(result, new RunEndHandler(lake), input);
            case "NotifySuccess", "NotifyFailure" -> {
                activeDates.remove(date);
                result.put("MessageId", "message-" + calls.size());
            }
            default -> {
                assertThat(GLUE_STEPS).contains(state);
                if (state.equals("Normalize")) {
                    activeDates.add(date);
                    mostActiveDates.accumulateAndGet(activeDates.size(), Math::max);
                }
                Thread.sleep(150); // a job run takes a while, so dates that may overlap do
                result.put("Id", "jr_" + jobRuns.incrementAndGet()).put("JobName", input.path("JobName").asText())
                        .put("JobRunState", "SUCCEEDED");
            }
        }
        return result;
    }

    /** What {@code arn:aws:states:::lambda:invoke} returns: the handler's answer as Payload. */
    private static void lambda(ObjectNode result, com.amazonaws.services.lambda.runtime.RequestStreamHandler handler, JsonNode input)
            throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(JSON.writeValueAsBytes(input.path("Payload"))), out, new TestContext("req"));
        result.set("Payload", JSON.readTree(out.toByteArray()));
        result.put("StatusCode", 200).put("ExecutedVersion", "$LATEST");
    }
}
