package io.atlas.aws.sns;

import static java.util.Objects.requireNonNull;

import io.atlas.ports.notify.Notifier;
import io.atlas.ports.notify.RunSummary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sns.SnsClient;

/** Run summaries as SNS messages, as the origin system's mails were: a subject line and the summary text. */
public final class SnsNotifier implements Notifier {
    private static final Logger LOG = LoggerFactory.getLogger(SnsNotifier.class);
    private static final int MAX_SUBJECT = 100;

    private final SnsClient sns;
    private final String topicArn;

    public SnsNotifier(SnsClient sns, String topicArn) {
        this.sns = requireNonNull(sns, "sns is null");
        this.topicArn = requireNonNull(topicArn, "topicArn is null");
    }

    @Override
    public void runFinished(RunSummary summary) {
        String subject = summary.subject();
        try {
            sns.publish(b -> b.topicArn(topicArn).subject(subject.length() > MAX_SUBJECT ? subject.substring(0, MAX_SUBJECT) : subject)
                    .message(summary.text()));
        } catch (SdkException e) {
            // A notification must never fail a run that already finished; the run ledger has the facts.
            LOG.warn("Cannot notify {} about run {}: {}", topicArn, summary.runId().value(), e.getMessage());
        }
    }
}
