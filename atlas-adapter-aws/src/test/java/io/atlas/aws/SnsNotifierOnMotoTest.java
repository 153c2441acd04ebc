package io.atlas.aws;

import static org.assertj.core.api.Assertions.assertThat;

import io.atlas.aws.sns.SnsNotifier;
import io.atlas.aws.testing.MotoServer;
import io.atlas.domain.run.RunId;
import io.atlas.ports.ledger.RunKind;
import io.atlas.ports.ledger.RunRecord;
import io.atlas.ports.ledger.RunState;
import io.atlas.ports.ledger.StepName;
import io.atlas.ports.notify.RunSummary;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.protocols.jsoncore.JsonNode;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/** The SNS notifier publishes to moto's SNS; a queue subscribed to the topic receives the summary. */
class SnsNotifierOnMotoTest {
    @RegisterExtension
    static final MotoServer MOTO = MotoServer.shared();
    private static final Instant T = Instant.parse("2024-12-01T00:00:00Z");

    private static RunSummary succeeded() {
        RunRecord run = RunRecord.started(RunId.of("r7"), RunKind.PIPELINE, Optional.of(LocalDate.of(2024, 11, 29)), T,
                List.of(StepName.NORMALIZE));
        return RunSummary.of(run.withStep(run.step(StepName.NORMALIZE).orElseThrow().started(T).succeeded(T, Map.of("read", 10L)))
                .ended(T, RunState.SUCCEEDED));
    }

    @Test
    void aQueueSubscribedToTheTopicReceivesTheRunSummary() {
        SnsClient sns = MOTO.client(SnsClient.builder());
        SqsClient sqs = MOTO.client(SqsClient.builder());
        String topic = sns.createTopic(b -> b.name("atlas-runs")).topicArn();
        String queueUrl = sqs.createQueue(b -> b.queueName("atlas-runs-inbox")).queueUrl();
        String queueArn = sqs.getQueueAttributes(b -> b.queueUrl(queueUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes().get(QueueAttributeName.QUEUE_ARN);
        sns.subscribe(b -> b.topicArn(topic).protocol("sqs").endpoint(queueArn));

        new SnsNotifier(sns, topic).runFinished(succeeded());

        List<Message> messages = sqs.receiveMessage(b -> b.queueUrl(queueUrl).maxNumberOfMessages(10).waitTimeSeconds(2)).messages();
        assertThat(messages).hasSize(1);
        JsonNode envelope = JsonNode.parser().parse(messages.get(0).body());
        assertThat(envelope.field("TopicArn").orElseThrow().asString()).isEqualTo(topic);
        assertThat(envelope.field("Subject").orElseThrow().asString()).isEqualTo("Atlas 2024-11-29: SUCCEEDED");
        assertThat(envelope.field("Message").orElseThrow().asString()).contains("normalize.read = 10");
    }

    @Test
    void publishingToATopicThatDoesNotExistDoesNotFailTheRun() {
        SnsClient sns = MOTO.client(SnsClient.builder());

        new SnsNotifier(sns, "arn:aws:sns:us-east-1:" + MotoServer.ACCOUNT + ":no-such-topic").runFinished(succeeded());

        assertThat(sns.listTopics().topics()).isEmpty();
    }
}
