package io.atlas.ports.notify;

/** Tells people how a run went (SNS in AWS, a log line locally). Never fails the run it reports on. */
public interface Notifier {
    void runFinished(RunSummary summary);

    /** Tells nobody. */
    Notifier NONE = summary -> {};
}
