package io.atlas.app.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.atlas.aws.testing.MotoServer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.s3.model.FilterRule;
import software.amazon.awssdk.services.s3.model.LambdaFunctionConfiguration;
import software.amazon.awssdk.services.s3.model.NotificationConfiguration;
import software.amazon.awssdk.services.scheduler.SchedulerClient;
import software.amazon.awssdk.services.scheduler.model.FlexibleTimeWindowMode;

/**
 * Resolves the template's intrinsic functions ({@code Ref}, {@code Fn::GetAtt}, {@code Fn::Sub}) against a stack
 * created in moto, so resources moto's CloudFormation skips can be applied through their services' APIs with exactly
 * the template's properties. A resource moto did not create is named {@code <stack>-<logical id>}.
 */
public final class StackResolver {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z0-9:]+)(?:\\.([A-Za-z]+))?}");
    private final JsonNode template;
    private final String stack;
    private final Map<String, String> parameters;
    private final Map<String, String> physical;
    private final LambdaClient lambda;
    private final IamClient iam;

    public StackResolver(JsonNode template, String stack, Map<String, String> parameters, Map<String, String> physical,
            LambdaClient lambda, IamClient iam) {
        this.template = template;
        this.stack = stack;
        this.parameters = parameters;
        this.physical = physical;
        this.lambda = lambda;
        this.iam = iam;
    }

    public JsonNode resolve(JsonNode node) {
        if (node.isObject()) {
            if (node.has("Ref")) {
                return text(ref(node.get("Ref").asText()));
            }
            if (node.has("Fn::GetAtt")) {
                return text(attribute(node.get("Fn::GetAtt").get(0).asText(), node.get("Fn::GetAtt").get(1).asText()));
            }
            if (node.has("Fn::Sub")) {
                return text(sub(node.get("Fn::Sub").asText()));
            }
            ObjectNode resolved = JsonNodeFactory.instance.objectNode();
            node.fields().forEachRemaining(e -> resolved.set(e.getKey(), e.getKey().equals("Definition") ? e.getValue() : resolve(e.getValue())));
            return resolved;
        }
        if (node.isArray()) {
            var resolved = JsonNodeFactory.instance.arrayNode();
            node.forEach(child -> resolved.add(resolve(child)));
            return resolved;
        }
        return node;
    }

    private static JsonNode text(String value) {
        return JsonNodeFactory.instance.textNode(value);
    }

    private String ref(String name) {
        switch (name) {
            case "AWS::StackName": return stack;
            case "AWS::Region": return MotoServer.REGION;
            case "AWS::AccountId": return MotoServer.ACCOUNT;
            case "AWS::Partition": return "aws";
            default: break;
        }
        if (template.path("Parameters").has(name)) {
            return parameters.getOrDefault(name, template.at("/Parameters/" + name + "/Default").asText());
        }
        return physical.getOrDefault(name, stack + "-" + name);
    }

    private String attribute(String resource, String attribute) {
        String type = template.at("/Resources/" + resource + "/Type").asText();
        String id = ref(resource);
        return switch (type + "." + attribute) {
            case "AWS::Lambda::Function.Arn" -> lambda.getFunction(b -> b.functionName(id)).configuration().functionArn();
            case "AWS::IAM::Role.Arn" -> iam.getRole(b -> b.roleName(id)).role().arn();
            case "AWS::SQS::Queue.Arn" -> "arn:aws:sqs:" + MotoServer.REGION + ":" + MotoServer.ACCOUNT + ":" + id.substring(id.lastIndexOf('/') + 1);
            case "AWS::SQS::Queue.QueueName" -> id.substring(id.lastIndexOf('/') + 1);
            default -> throw new IllegalArgumentException("Cannot resolve Fn::GetAtt " + resource + "." + attribute + " of " + type);
        };
    }

    private String sub(String text) {
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(m.group(2) == null ? ref(m.group(1)) : attribute(m.group(1), m.group(2))));
        }
        return m.appendTail(out).toString();
    }

    /** A state machine definition with its {@code DefinitionSubstitutions} (already resolved) put in. */
    static String substitute(String definition, JsonNode substitutions) {
        String result = definition;
        for (var it = substitutions.fields(); it.hasNext(); ) {
            var e = it.next();
            result = result.replace("${" + e.getKey() + "}", e.getValue().asText());
        }
        return result;
    }

    /** A bucket's CloudFormation NotificationConfiguration (Lambda part) as the S3 API takes it. */
    static NotificationConfiguration bucketNotification(JsonNode notification) {
        List<LambdaFunctionConfiguration> lambdas = new ArrayList<>();
        for (JsonNode c : notification.path("LambdaConfigurations")) {
            List<FilterRule> rules = new ArrayList<>();
            c.at("/Filter/S3Key/Rules").forEach(r -> rules.add(FilterRule.builder().name(r.path("Name").asText())
                    .value(r.path("Value").asText()).build()));
            lambdas.add(LambdaFunctionConfiguration.builder().eventsWithStrings(c.path("Event").asText())
                    .lambdaFunctionArn(c.path("Function").asText()).filter(f -> f.key(k -> k.filterRules(rules))).build());
        }
        return NotificationConfiguration.builder().lambdaFunctionConfigurations(lambdas).build();
    }

    /** CreateJob with an AWS::Glue::Job's properties. */
    static void createJob(GlueClient glue, String name, JsonNode p) {
        Map<String, String> arguments = new LinkedHashMap<>();
        p.path("DefaultArguments").fields().forEachRemaining(e -> arguments.put(e.getKey(), e.getValue().asText()));
        glue.createJob(b -> b.name(name).role(p.path("Role").asText()).glueVersion(p.path("GlueVersion").asText())
                .command(c -> c.name(p.at("/Command/Name").asText()).scriptLocation(p.at("/Command/ScriptLocation").asText()))
                .defaultArguments(arguments).workerType(p.path("WorkerType").asText())
                .numberOfWorkers(p.path("NumberOfWorkers").asInt())
                .executionProperty(e -> e.maxConcurrentRuns(p.at("/ExecutionProperty/MaxConcurrentRuns").asInt()))
                .maxRetries(p.path("MaxRetries").asInt()).timeout(p.path("Timeout").asInt()));
    }

    /** CreateSchedule with an AWS::Scheduler::Schedule's properties. */
    static void createSchedule(SchedulerClient scheduler, JsonNode p) {
        scheduler.createSchedule(b -> b.name(p.path("Name").asText()).description(p.path("Description").asText())
                .scheduleExpression(p.path("ScheduleExpression").asText())
                .scheduleExpressionTimezone(p.path("ScheduleExpressionTimezone").asText())
                .flexibleTimeWindow(f -> f.mode(FlexibleTimeWindowMode.fromValue(p.at("/FlexibleTimeWindow/Mode").asText())))
                .target(t -> t.arn(p.at("/Target/Arn").asText()).roleArn(p.at("/Target/RoleArn").asText())
                        .input(p.at("/Target/Input").asText())));
    }
}
