/**
 * The notify port: telling people how a run went (SNS in AWS, a log line locally). A {@link Notifier} sends a
 * {@link RunSummary} built from the run ledger, and never fails the run it reports on.
 */
@NullMarked
package io.atlas.ports.notify;

import org.jspecify.annotations.NullMarked;
