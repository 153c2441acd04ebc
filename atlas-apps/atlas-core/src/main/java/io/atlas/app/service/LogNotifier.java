package io.atlas.app.service;

import io.atlas.ports.notify.Notifier;
import io.atlas.ports.notify.RunSummary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Run summaries as log lines: the local stand-in for the SNS mails (level INFO, logger {@code atlas.runs}). */
public final class LogNotifier implements Notifier {
    private static final Logger LOG = LoggerFactory.getLogger("atlas.runs");

    @Override
    public void runFinished(RunSummary summary) {
        LOG.info("{}\n{}", summary.subject(), summary.text());
    }
}
