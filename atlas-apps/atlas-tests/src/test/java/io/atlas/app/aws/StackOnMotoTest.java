package io.atlas.app.aws;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.atlas.aws.testing.MotoServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.cloudformation.model.Capability;
import software.amazon.awssdk.services.cloudformation.model.Parameter;
import software.amazon.awssdk.services.cloudformation.model.StackResource;
import software.amazon.awssdk.services.cloudformation.model.StackStatus;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.FunctionConfiguration;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.LambdaFunctionConfiguration;
import software.amazon.awssdk.services.s3.model.GetBucketNotificationConfigurationResponse;
import software.amazon.awssdk.services.scheduler.SchedulerClient;
import software.amazon.awssdk.services.scheduler.model.GetScheduleResponse;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The stack as a deploying team creates it, in moto's CloudFormation: it reaches CREATE_COMPLETE, and what it made is
 * read back from each service. moto's CloudFormation skips some of the template (it has no AWS::Glue::Job,
 * AWS::Scheduler::Schedule, AWS::Athena::WorkGroup, AWS::CloudWatch::Alarm or AWS::Lambda::EventInvokeConfig, ignores
 * a bucket's NotificationConfiguration and reads a state machine only from DefinitionString); those resources are
 * applied through their services' APIs with the template's own properties, resolved against the stack
 * ({@link StackResolver}), so the emulator still checks every shape the template declares.
 */
class StackOnMotoTest {
    @RegisterExtension
    static final MotoServer MOTO = MotoServer.shared();
    private static final String STACK = "atlas";
    private static JsonNode template;
    private static Map<String, String> physical;
    private static StackResolver resolver;

    @BeforeAll
    static void deploy() throws Exception {
        String body = Files.readString(Path.of("../atlas-lambda/src/main/aws/atlas-stack.json"));
        template = new ObjectMapper().readTree(body);
        S3Client s3 = MOTO.s3();
        s3.createBucket(b -> b.bucket("artifacts"));
        s3.putObject(b -> b.bucket("artifacts").key("atlas/atlas-apps-lambda.jar"), RequestBody.fromBytes(zip()));
        CloudFormationClient cfn = MOTO.client(CloudFormationClient.builder());
        cfn.createStack(b -> b.stackName(STACK).templateBody(body).capabilities(Capability.CAPABILITY_IAM).parameters(
                Parameter.builder().parameterKey("LakeBucketName").parameterValue("my-log-lake").build(),
                Parameter.builder().parameterKey("ArtifactBucket").parameterValue("artifacts").build()));
        StackStatus status = StackStatus.CREATE_IN_PROGRESS;
        for (int i = 0; i < 100 && status == StackStatus.CREATE_IN_PROGRESS; i++) {
            Thread.sleep(100);
            status = cfn.describeStacks(b -> b.stackName(STACK)).stacks().get(0).stackStatus();
        }
        assertThat(status).isEqualTo(StackStatus.CREATE_COMPLETE);
        physical = new HashMap<>();
        for (StackResource resource : cfn.describeStackResources(b -> b.stackName(STACK)).stackResources()) {
            if (resource.logicalResourceId() != null && resource.physicalResourceId() != null) {
                physical.put(resource.logicalResourceId(), resource.physicalResourceId());
            }
        }
        resolver = new StackResolver(template, STACK, Map.of("LakeBucketName", "my-log-lake", "ArtifactBucket", "artifacts"),
                physical, MOTO.client(LambdaClient.builder()), MOTO.client(IamClient.builder()));
    }

    private static byte[] zip() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("placeholder.txt"));
            zip.write("handlers".getBytes(StandardCharsets.UTF_8));
        }
        return bytes.toByteArray();
    }

    private static JsonNode properties(String logical) {
        return resolver.resolve(template.at("/Resources/" + logical + "/Properties"));
    }

    @Test
    void createsTheThreeFunctionsOnJava21WithTheirHandlersAndOwnRoles() {
        List<FunctionConfiguration> functions = MOTO.client(LambdaClient.builder()).listFunctions().functions();

        assertThat(functions).extracting(FunctionConfiguration::functionName)
                .containsExactlyInAnyOrder("atlas-ingestion", "atlas-plan", "atlas-run-end");
        assertThat(functions).allSatisfy(f -> {
            assertThat(f.runtimeAsString()).isEqualTo("java21");
            assertThat(f.environment().variables()).containsEntry("ATLAS_LAKE", "s3://my-log-lake/");
        });
        assertThat(functions).extracting(FunctionConfiguration::handler).containsExactlyInAnyOrder(
                "io.atlas.app.lambda.IngestionHandler::handleRequest", "io.atlas.app.lambda.PlanHandler::handleRequest",
                "io.atlas.app.lambda.RunEndHandler::handleRequest");
        assertThat(functions).extracting(FunctionConfiguration::role).doesNotHaveDuplicates();
    }

    @Test
    void everyRoleTrustsOnlyItsServiceFromThisAccount() {
        IamClient iam = MOTO.client(IamClient.builder());
        for (String role : new String[] {"IngestionRole", "PlanRole", "RunEndRole", "GlueJobRole", "StateMachineRole", "SchedulerRole"}) {
            String trust = URLDecoder.decode(iam.getRole(b -> b.roleName(physical.get(role))).role().assumeRolePolicyDocument(),
                    StandardCharsets.UTF_8);
            assertThat(trust).as(role).contains("\"aws:SourceAccount\"", MotoServer.ACCOUNT);
        }
        String stateMachineTrust = URLDecoder.decode(iam.getRole(b -> b.roleName(physical.get("StateMachineRole"))).role()
                .assumeRolePolicyDocument(), StandardCharsets.UTF_8);
        assertThat(stateMachineTrust).contains("arn:aws:states:us-east-1:" + MotoServer.ACCOUNT + ":stateMachine:atlas-pipeline");
    }

    @Test
    void theTopicAndTheIngestionDeadLetterQueueExist() {
        assertThat(MOTO.client(SnsClient.builder()).listTopics().topics()).extracting(t -> t.topicArn())
                .containsExactly(physical.get("NotificationTopic"));
        String queue = physical.get("IngestionDeadLetterQueue");
        assertThat(MOTO.client(SqsClient.builder()).listQueues().queueUrls()).singleElement()
                .satisfies(url -> assertThat(url).endsWith(queue.substring(queue.indexOf("/" + MotoServer.ACCOUNT + "/"))));
        assertThat(MOTO.client(SqsClient.builder()).getQueueAttributes(b -> b.queueUrl(queue)
                .attributeNamesWithStrings("MessageRetentionPeriod")).attributesAsStrings()).containsEntry("MessageRetentionPeriod", "1209600");
    }

    @Test
    void theBucketNotifiesTheIngestionFunctionOfObjectsCreatedUnderRawOnly() {
        S3Client s3 = MOTO.s3();
        JsonNode notification = properties("LakeBucket").path("NotificationConfiguration");
        s3.putBucketNotificationConfiguration(b -> b.bucket("my-log-lake").notificationConfiguration(
                StackResolver.bucketNotification(notification)));

        GetBucketNotificationConfigurationResponse read = s3.getBucketNotificationConfiguration(b -> b.bucket("my-log-lake"));

        assertThat(read.lambdaFunctionConfigurations()).hasSize(1);
        LambdaFunctionConfiguration only = read.lambdaFunctionConfigurations().get(0);
        assertThat(only.lambdaFunctionArn()).endsWith(":function:atlas-ingestion");
        assertThat(only.eventsAsStrings()).containsExactly("s3:ObjectCreated:*");
        assertThat(only.filter().key().filterRules()).extracting(r -> r.nameAsString().toLowerCase() + "=" + r.value())
                .containsExactly("prefix=raw/");
        assertThat(read.queueConfigurations()).isEmpty();
        assertThat(read.topicConfigurations()).isEmpty();
    }

    @Test
    void theStateMachineIsNamedAsItsRoleTrustsAndTakesTheDefinitionWithSubstitutionsResolved() {
        SfnClient sfn = MOTO.client(SfnClient.builder());
        JsonNode props = properties("PipelineStateMachine");
        String definition = StackResolver.substitute(props.path("Definition").toString(), props.path("DefinitionSubstitutions"));

        String arn = physical.get("PipelineStateMachine");
        sfn.updateStateMachine(b -> b.stateMachineArn(arn).roleArn(props.path("RoleArn").asText()).definition(definition));

        assertThat(arn).isEqualTo(resolver.resolve(template.at("/Resources/StateMachineRole/Properties/AssumeRolePolicyDocument"))
                .at("/Statement/0/Condition/ArnLike/aws:SourceArn").asText());
        String stored = sfn.describeStateMachine(b -> b.stateMachineArn(arn)).definition();
        assertThat(stored).doesNotContain("${").contains(":function:atlas-plan", ":function:atlas-run-end",
                physical.get("NotificationTopic"));
    }

    @Test
    void theGlueJobsAreAcceptedAsGlue5JarJobs() {
        GlueClient glue = MOTO.client(GlueClient.builder());
        for (String job : new String[] {"NormalizeJob", "AggregateJob", "CrawlJob"}) {
            StackResolver.createJob(glue, "atlas-" + job, properties(job));
        }

        var read = glue.getJob(b -> b.jobName("atlas-CrawlJob")).job();
        assertThat(read.glueVersion()).isEqualTo("5.0");
        assertThat(read.command().name()).isEqualTo("glueetl");
        assertThat(read.defaultArguments()).containsEntry("--class", "io.atlas.app.glue.CrawlJob")
                .containsEntry("--lake", "s3://my-log-lake/").doesNotContainKey("--enable-continuous-cloudwatch-log");
    }

    @Test
    void theScheduleStartsThePipelineDailyAtMidnightUtc() {
        SchedulerClient scheduler = MOTO.client(SchedulerClient.builder());
        JsonNode props = properties("DailySchedule");
        StackResolver.createSchedule(scheduler, props);

        GetScheduleResponse read = scheduler.getSchedule(b -> b.name("atlas-daily"));

        assertThat(read.scheduleExpression()).isEqualTo("cron(0 0 * * ? *)");
        assertThat(read.scheduleExpressionTimezone()).isEqualTo("UTC");
        assertThat(read.target().arn()).isEqualTo(physical.get("PipelineStateMachine"));
        assertThat(read.target().input()).contains("<aws.scheduler.scheduled-time>");
        assertThat(read.target().roleArn()).endsWith(":role/" + physical.get("SchedulerRole"));
    }
}
