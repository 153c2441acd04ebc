package io.atlas.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The CloudFormation stack and its state machine, checked statically: references, step order, data flow, IAM. */
class DeploymentTemplateTest {
    private static final Pattern SUB = Pattern.compile("\\$\\{([A-Za-z0-9:]+)(\\.[A-Za-z]+)?}");
    private static JsonNode template;
    private static JsonNode asl;

    @BeforeAll
    static void parse() throws IOException {
        template = new ObjectMapper().readTree(Path.of("../atlas-lambda/src/main/aws/atlas-stack.json").toFile());
        asl = template.at("/Resources/PipelineStateMachine/Properties/Definition");
    }

    private static Set<String> names(String section) {
        Set<String> names = new HashSet<>();
        template.path(section).fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static void collect(JsonNode node, List<String> refs, List<String> atts, List<String> subs) {
        if (node.isObject()) {
            node.fields().forEachRemaining(e -> {
                switch (e.getKey()) {
                    case "Ref" -> refs.add(e.getValue().asText());
                    case "Fn::GetAtt" -> atts.add(e.getValue().get(0).asText());
                    case "Fn::Sub" -> {
                        Matcher m = SUB.matcher(e.getValue().isArray() ? e.getValue().get(0).asText() : e.getValue().asText());
                        while (m.find()) {
                            subs.add(m.group(1));
                        }
                    }
                    default -> { }
                }
                if (!e.getKey().equals("Definition")) {
                    collect(e.getValue(), refs, atts, subs);
                }
            });
        } else if (node.isArray()) {
            node.forEach(child -> collect(child, refs, atts, subs));
        }
    }

    @Test
    void everyReferenceResolves() {
        List<String> refs = new ArrayList<>();
        List<String> atts = new ArrayList<>();
        List<String> subs = new ArrayList<>();
        collect(template, refs, atts, subs);
        Set<String> defined = new HashSet<>(names("Resources"));
        defined.addAll(names("Parameters"));

        assertThat(refs).isNotEmpty().allSatisfy(r -> assertThat(r.startsWith("AWS::") || defined.contains(r)).as(r).isTrue());
        assertThat(atts).isNotEmpty().allSatisfy(a -> assertThat(names("Resources")).contains(a));
        assertThat(subs).isNotEmpty().allSatisfy(s -> assertThat(s.startsWith("AWS::") || defined.contains(s)).as(s).isTrue());
        template.path("Resources").forEach(resource -> {
            resource.path("DependsOn").forEach(d -> assertThat(names("Resources")).contains(d.asText()));
            if (resource.has("Condition")) {
                assertThat(names("Conditions")).contains(resource.get("Condition").asText());
            }
        });
    }

    @Test
    void theStateMachinesPlaceholdersAreExactlyItsSubstitutions() {
        Set<String> placeholders = new HashSet<>();
        Matcher m = SUB.matcher(asl.toString());
        while (m.find()) {
            placeholders.add(m.group(1));
        }
        Set<String> substitutions = new HashSet<>();
        template.at("/Resources/PipelineStateMachine/Properties/DefinitionSubstitutions").fieldNames().forEachRemaining(substitutions::add);

        assertThat(placeholders).isEqualTo(substitutions);
    }

    @Test
    void eachDateRunsExactlyTheFourStepsInOrder() {
        JsonNode perDate = asl.at("/States/ForEachDate/ItemProcessor");
        List<String> glueSteps = new ArrayList<>();
        String state = perDate.path("StartAt").asText();
        while (!state.isEmpty()) {
            JsonNode node = perDate.path("States").path(state);
            if (node.path("Resource").asText().equals("arn:aws:states:::glue:startJobRun.sync")) {
                String table = node.at("/Parameters/Arguments/--table").asText();
                glueSteps.add(node.at("/Parameters/JobName").asText() + (table.isEmpty() ? "" : " " + table));
            }
            state = node.path("Next").asText();
        }

        assertThat(glueSteps).containsExactly("${NormalizeJobName}", "${CrawlJobName} logs", "${AggregateJobName}",
                "${CrawlJobName} daily_activity");
        assertThat(asl.path("StartAt").asText()).isEqualTo("PlanDates");
        assertThat(asl.at("/States/PlanDates/Next").asText()).isEqualTo("ForEachDate");
        assertThat(asl.at("/States/ForEachDate/Type").asText()).isEqualTo("Map");
    }

    @Test
    void bothJobsReceiveTheProcessDateFromTheExecutionInputAndItSurvivesEveryStep() {
        assertThat(asl.at("/States/PlanDates/Parameters/Payload/request.$").asText()).isEqualTo("$");
        assertThat(asl.at("/States/ForEachDate/ItemsPath").asText()).isEqualTo("$.plan.dates");
        assertThat(asl.at("/States/ForEachDate/ItemSelector/process_date.$").asText()).isEqualTo("$$.Map.Item.Value.process_date");
        JsonNode states = asl.at("/States/ForEachDate/ItemProcessor/States");
        for (String job : new String[] {"Normalize", "Aggregate", "CrawlLogs", "CrawlDailyActivity"}) {
            assertThat(states.at("/" + job + "/Parameters/Arguments/--process_date.$").asText()).as(job).isEqualTo("$.process_date");
        }
        states.fields().forEachRemaining(e -> {
            JsonNode resultPath = e.getValue().get("ResultPath");
            if (e.getValue().path("Type").asText().equals("Task")) {
                assertThat(resultPath).as(e.getKey() + " must not replace the state").isNotNull();
                assertThat(resultPath.isNull() || resultPath.asText().startsWith("$.")).as(e.getKey()).isTrue();
            }
        });
        assertThat(asl.at("/States/PlanDates/ResultPath").asText()).isEqualTo("$.plan");
    }

    @Test
    void everyStepFailureIsRecordedAndNotified() {
        JsonNode states = asl.at("/States/ForEachDate/ItemProcessor/States");
        for (String job : new String[] {"Normalize", "CrawlLogs", "Aggregate", "CrawlDailyActivity"}) {
            JsonNode catchers = states.at("/" + job + "/Catch");
            assertThat(catchers).as(job).hasSize(1);
            assertThat(catchers.get(0).path("ErrorEquals").get(0).asText()).isEqualTo("States.ALL");
            String handler = catchers.get(0).path("Next").asText();
            assertThat(states.at("/" + handler + "/Next").asText()).isEqualTo("RecordFailure");
        }
        assertThat(states.at("/RecordFailure/Next").asText()).isEqualTo("NotifyFailure");
        assertThat(states.at("/NotifyFailure/Resource").asText()).isEqualTo("arn:aws:states:::sns:publish");
        assertThat(states.at("/NotifyFailure/Next").asText()).isEqualTo("DateFailed");
        // a failed date ends its own iteration marked FAILED (the other dates of a backfill go on) and the execution
        // fails once every date has ended
        assertThat(states.at("/DateFailed/Result").asText()).isEqualTo("FAILED");
        assertThat(states.at("/DateFailed/End").asBoolean()).isTrue();
        JsonNode top = asl.path("States");
        assertThat(top.at("/ForEachDate/Next").asText()).isEqualTo("DateStatuses");
        assertThat(top.at("/FailIfAnyDateFailed/Choices/0/Next").asText()).isEqualTo("SomeDatesFailed");
        assertThat(top.at("/SomeDatesFailed/Type").asText()).isEqualTo("Fail");
        assertThat(top.at("/SomeDatesFailed/Error").asText()).isEqualTo("AtlasRunFailed");
    }

    @Test
    void noPolicyGrantsWildcardActionsOnTheBucketOrAnywhere() {
        int statements = 0;
        for (Iterator<Map.Entry<String, JsonNode>> it = template.path("Resources").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> resource = it.next();
            if (!resource.getValue().path("Type").asText().equals("AWS::IAM::Role")) {
                continue;
            }
            for (JsonNode policy : resource.getValue().at("/Properties/Policies")) {
                for (JsonNode statement : policy.at("/PolicyDocument/Statement")) {
                    statements++;
                    List<String> actions = new ArrayList<>();
                    JsonNode action = statement.path("Action");
                    if (action.isArray()) {
                        action.forEach(a -> actions.add(a.asText()));
                    } else {
                        actions.add(action.asText());
                    }
                    assertThat(actions).as(resource.getKey()).noneMatch(a -> a.equals("*") || a.endsWith(":*"));
                    if (statement.path("Resource").toString().contains("LakeBucketName")) {
                        assertThat(actions).as(resource.getKey()).allMatch(a -> a.startsWith("s3:") && !a.contains("*"));
                    }
                }
            }
        }
        assertThat(statements).isGreaterThan(8);
    }

    @Test
    void theScheduleStartsThePipelineAtMidnightUtcWithItsTriggerTime() {
        JsonNode schedule = template.at("/Resources/DailySchedule/Properties");

        assertThat(schedule.path("ScheduleExpression").asText()).isEqualTo("cron(0 0 * * ? *)");
        assertThat(schedule.path("ScheduleExpressionTimezone").asText()).isEqualTo("UTC");
        assertThat(schedule.at("/Target/Arn/Ref").asText()).isEqualTo("PipelineStateMachine");
        assertThat(schedule.at("/Target/Input").asText()).contains("<aws.scheduler.scheduled-time>");
    }

    @Test
    void theHandlersAndJobClassesExistAndJobsRunOnGlue5() throws ClassNotFoundException {
        for (String function : new String[] {"IngestionFunction", "PlanFunction", "RunEndFunction"}) {
            String handler = template.at("/Resources/" + function + "/Properties/Handler").asText();
            Class.forName(handler.substring(0, handler.indexOf("::")));
        }
        for (String job : new String[] {"NormalizeJob", "AggregateJob", "CrawlJob"}) {
            JsonNode properties = template.at("/Resources/" + job + "/Properties");
            assertThat(properties.path("GlueVersion").asText()).isEqualTo("5.0");
            Class.forName(properties.at("/DefaultArguments/--class").asText());
        }
    }

    private static List<JsonNode> tasks() {
        List<JsonNode> tasks = new ArrayList<>();
        tasks.add(asl.at("/States/PlanDates"));
        asl.at("/States/ForEachDate/ItemProcessor/States").forEach(s -> {
            if (s.path("Type").asText().equals("Task")) {
                tasks.add(s);
            }
        });
        return tasks;
    }

    private static List<String> retried(JsonNode task) {
        List<String> errors = new ArrayList<>();
        task.path("Retry").forEach(r -> {
            assertThat(r.path("BackoffRate").asDouble()).isGreaterThan(1);
            assertThat(r.path("MaxAttempts").asInt()).isGreaterThan(1);
            r.path("ErrorEquals").forEach(e -> errors.add(e.asText()));
        });
        return errors;
    }

    @Test
    void glueTasksRetryThrottlingAndConcurrentRunLimitsWithBackoffAndLambdaTasksRetryServiceErrors() {
        int glue = 0;
        int lambda = 0;
        for (JsonNode task : tasks()) {
            String resource = task.path("Resource").asText();
            if (resource.startsWith("arn:aws:states:::glue:")) {
                glue++;
                assertThat(retried(task)).contains("Glue.ConcurrentRunsExceededException", "Glue.ThrottlingException");
            } else if (resource.equals("arn:aws:states:::lambda:invoke")) {
                lambda++;
                assertThat(retried(task)).contains("Lambda.ServiceException", "Lambda.AWSLambdaException",
                        "Lambda.SdkClientException", "Lambda.TooManyRequestsException");
            }
        }
        assertThat(glue).isEqualTo(4);
        assertThat(lambda).isEqualTo(3);
    }

    @Test
    void aFailedSuccessSummaryStillEndsTheDateSucceeded() {
        JsonNode states = asl.at("/States/ForEachDate/ItemProcessor/States");
        JsonNode notify = states.path("NotifySuccess");

        assertThat(notify.at("/Catch/0/ErrorEquals/0").asText()).isEqualTo("States.ALL");
        assertThat(states.path(notify.at("/Catch/0/Next").asText()).path("Result").asText()).isEqualTo("SUCCEEDED");
        assertThat(states.path(notify.path("Next").asText()).path("Result").asText()).isEqualTo("SUCCEEDED");
        assertThat(states.at("/NotifyFailure/Catch/0/Next").asText()).isEqualTo("DateFailed");
    }

    @Test
    void theExecutionStateCarriesDatesNotPendingMarkers() {
        assertThat(asl.toString()).doesNotContain("pending_markers");
        assertThat(asl.at("/States/PlanDates/ResultSelector/dates.$").asText()).isEqualTo("$.Payload.dates");
    }

    private static List<JsonNode> statements(String role) {
        List<JsonNode> statements = new ArrayList<>();
        template.at("/Resources/" + role + "/Properties/Policies").forEach(p -> p.at("/PolicyDocument/Statement").forEach(statements::add));
        return statements;
    }

    private static List<String> actions(JsonNode statement) {
        List<String> actions = new ArrayList<>();
        statement.path("Action").forEach(a -> actions.add(a.asText()));
        return actions;
    }

    private static Set<String> roles() {
        Set<String> roles = new HashSet<>();
        template.path("Resources").fields().forEachRemaining(e -> {
            if (e.getValue().path("Type").asText().equals("AWS::IAM::Role")) {
                roles.add(e.getKey());
            }
        });
        return roles;
    }

    @Test
    void onlyIngestionDeletesUnderRawAndThePlanFunctionOnlyListsPendingMarkers() {
        for (String role : roles()) {
            for (JsonNode statement : statements(role)) {
                boolean onRaw = statement.path("Resource").toString().contains("}raw/");
                if (actions(statement).contains("s3:DeleteObject") && onRaw) {
                    assertThat(role).isEqualTo("IngestionRole");
                }
                assertThat(statement.path("Resource").toString()).as(role + " must name a prefix").doesNotContain("${LakeBucketName}/*");
            }
        }
        List<JsonNode> plan = statements("PlanRole");
        assertThat(plan).filteredOn(s -> actions(s).contains("s3:ListBucket")).singleElement()
                .satisfies(s -> assertThat(s.at("/Condition/StringLike/s3:prefix").toString()).contains("_atlas/pending/*"));
        assertThat(plan).flatExtracting(DeploymentTemplateTest::actions).doesNotContain("s3:GetObject", "s3:DeleteObject");
    }

    @Test
    void everyRolePinsItsCallersAccountAndLogsOnlyToItsOwnGroup() {
        assertThat(roles()).hasSize(6);
        for (String role : roles()) {
            JsonNode trust = template.at("/Resources/" + role + "/Properties/AssumeRolePolicyDocument/Statement/0");
            assertThat(trust.at("/Condition/StringEquals/aws:SourceAccount/Ref").asText()).as(role).isEqualTo("AWS::AccountId");
            for (JsonNode statement : statements(role)) {
                if (actions(statement).stream().anyMatch(a -> a.startsWith("logs:"))) {
                    assertThat(statement.path("Resource").toString()).as(role).contains(":log-group:/aws");
                }
            }
        }
        for (String role : new String[] {"StateMachineRole", "SchedulerRole"}) {
            assertThat(template.at("/Resources/" + role + "/Properties/AssumeRolePolicyDocument/Statement/0/Condition/ArnLike/aws:SourceArn")
                    .toString()).as(role).contains("${AWS::StackName}-");
        }
    }

    @Test
    void everyMultipartWriterMayAbortItsUploads() {
        for (String role : new String[] {"IngestionRole", "GlueJobRole"}) {
            for (JsonNode statement : statements(role)) {
                List<String> actions = actions(statement);
                if (actions.contains("s3:PutObject") && !statement.path("Resource").toString().contains("_atlas/")) {
                    assertThat(actions).as(role + " " + statement.path("Sid").asText()).contains("s3:AbortMultipartUpload");
                }
            }
        }
    }

    @Test
    void aFileThatFailsIngestionAfterLambdasRetriesLandsInADeadLetterQueueThatAlarms() {
        JsonNode invoke = template.at("/Resources/IngestionInvokeConfig/Properties");
        JsonNode alarm = template.at("/Resources/IngestionDeadLetterAlarm/Properties");

        assertThat(invoke.at("/FunctionName/Ref").asText()).isEqualTo("IngestionFunction");
        assertThat(invoke.at("/DestinationConfig/OnFailure/Destination/Fn::GetAtt/0").asText()).isEqualTo("IngestionDeadLetterQueue");
        assertThat(alarm.at("/Dimensions/0/Value/Fn::GetAtt/0").asText()).isEqualTo("IngestionDeadLetterQueue");
        assertThat(alarm.at("/AlarmActions/0/Ref").asText()).isEqualTo("NotificationTopic");
        assertThat(statements("IngestionRole")).flatExtracting(DeploymentTemplateTest::actions).contains("sqs:SendMessage");
    }

    @Test
    void functionsRunOnJava21AndGlueJobsFollowGlue5() {
        for (String function : new String[] {"IngestionFunction", "PlanFunction", "RunEndFunction"}) {
            assertThat(template.at("/Resources/" + function + "/Properties/Runtime").asText()).isEqualTo("java21");
        }
        for (String job : new String[] {"NormalizeJob", "AggregateJob", "CrawlJob"}) {
            JsonNode arguments = template.at("/Resources/" + job + "/Properties/DefaultArguments");
            assertThat(arguments.has("--enable-continuous-cloudwatch-log")).as(job).isFalse();
            assertThat(arguments.path("--user-jars-first").asText()).as(job).isEqualTo("true");
        }
    }

    /** AWS's own linter on the template: no error, no warning, no rule ignored (cfn-lint on the PATH; required under CI). */
    @Test
    void cfnLintFindsNothingInTheTemplate() throws Exception {
        boolean found = Arrays.stream(System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator))
                .anyMatch(dir -> !dir.isEmpty() && Files.isExecutable(Path.of(dir, "cfn-lint")));
        if (!found) {
            assertThat(System.getenv("CI")).as("CI=true: cfn-lint must be on the PATH").isNotEqualTo("true");
            org.junit.jupiter.api.Assumptions.abort("Skipped: cfn-lint is not on the PATH (pip install cfn-lint)");
        }
        Process lint = new ProcessBuilder("cfn-lint", "../atlas-lambda/src/main/aws/atlas-stack.json").redirectErrorStream(true).start();
        String report = new String(lint.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(lint.waitFor(5, java.util.concurrent.TimeUnit.MINUTES)).isTrue();
        assertThat(report).isEmpty();
        assertThat(lint.exitValue()).isZero();
    }

    @Test
    void athenaHasAWorkgroupThatWritesResultsIntoTheLake() {
        JsonNode workgroup = template.at("/Resources/AthenaWorkGroup/Properties/WorkGroupConfiguration");

        assertThat(workgroup.at("/ResultConfiguration/OutputLocation/Fn::Sub").asText())
                .isEqualTo("s3://${LakeBucketName}/${LakePrefix}_atlas/athena-results/");
        assertThat(workgroup.path("EnforceWorkGroupConfiguration").asBoolean()).isTrue();
    }
}
