package io.atlas.aws;

import static org.assertj.core.api.Assertions.assertThat;

import io.atlas.aws.sns.SnsNotifier;
import io.atlas.domain.run.RunId;
import io.atlas.ports.ledger.RunKind;
import io.atlas.ports.ledger.RunRecord;
import io.atlas.ports.ledger.RunState;
import io.atlas.ports.ledger.StepName;
import io.atlas.ports.notify.RunSummary;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.PublishRequest;
import software.amazon.awssdk.services.sns.model.PublishResponse;
import software.amazon.awssdk.services.sns.model.SnsException;

class SnsNotifierTest {
    private static final Instant T = Instant.parse("2024-12-01T00:00:00Z");

    static final class RecordedSns implements SnsClient {
        final List<PublishRequest> published = new ArrayList<>();
        boolean fail;

        @Override
        public String serviceName() {
            return "sns";
        }

        @Override
        public void close() {}

        @Override
        public PublishResponse publish(PublishRequest request) {
            if (fail) {
                throw (SnsException) SnsException.builder().message("throttled").statusCode(400).build();
            }
            published.add(request);
            return PublishResponse.builder().messageId("m-1").build();
        }
    }

    private static RunRecord failedRun() {
        RunRecord run = RunRecord.started(RunId.of("r1"), RunKind.PIPELINE, Optional.of(LocalDate.of(2024, 11, 29)), T,
                List.of(StepName.NORMALIZE, StepName.CRAWL_LOGS));
        return run.withStep(run.step(StepName.NORMALIZE).orElseThrow().started(T).succeeded(T, Map.of("read", 10L, "rejected.MISSING_FIELD", 2L)))
                .withStep(run.step(StepName.CRAWL_LOGS).orElseThrow().started(T).failed(T, "Cannot update table: incompatible"))
                .ended(T, RunState.FAILED);
    }

    @Test
    void publishesTheRunSummaryToTheTopic() {
        RecordedSns sns = new RecordedSns();

        new SnsNotifier(sns, "arn:aws:sns:eu-west-1:123:atlas").runFinished(RunSummary.of(failedRun()));

        PublishRequest request = sns.published.get(0);
        assertThat(request.topicArn()).isEqualTo("arn:aws:sns:eu-west-1:123:atlas");
        assertThat(request.subject()).isEqualTo("Atlas 2024-11-29: FAILED in crawl_logs");
        assertThat(request.message()).contains("normalize.read = 10", "normalize.rejected.MISSING_FIELD = 2",
                "Failure: crawl_logs: Cannot update table: incompatible");
    }

    @Test
    void aFailedNotificationNeverFailsTheRun() {
        RecordedSns sns = new RecordedSns();
        sns.fail = true;

        new SnsNotifier(sns, "arn:aws:sns:eu-west-1:123:atlas").runFinished(RunSummary.of(failedRun()));

        assertThat(sns.published).isEmpty();
    }
}
