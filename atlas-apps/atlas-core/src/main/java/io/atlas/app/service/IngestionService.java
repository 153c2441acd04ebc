package io.atlas.app.service;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.atlas.domain.file.FileRejectReason;
import io.atlas.domain.file.ReadLimits;
import io.atlas.domain.ingest.FileRejection;
import io.atlas.domain.ingest.FileScanResult;
import io.atlas.domain.ingest.FileScanner;
import io.atlas.domain.ingest.RoutingPlan;
import io.atlas.domain.lake.LakeLayout;
import io.atlas.domain.lake.LogFormat;
import io.atlas.domain.lake.ObjectKey;
import io.atlas.domain.lake.RawObject;
import io.atlas.domain.run.RunContext;
import io.atlas.ports.ErrorCategory;
import io.atlas.ports.storage.NoSuchObjectException;
import io.atlas.ports.storage.ObjectStore;
import io.atlas.ports.storage.StorageException;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SPEC §2 for one object under {@code raw/}, the same for the CLI and the Lambda: confirm the format, scan the
 * event days, copy to {@code validated/} for every day (removing copies a re-upload no longer needs), archive,
 * delete from {@code raw/}; or move the file to {@code rejected/system/lambda/} with its {@code .error.json}.
 *
 * <p>A raw file is deleted only after it has been routed and archived, or rejected: when storage fails midway the
 * file stays in {@code raw/} and the next attempt redoes the same idempotent copies. An event for a file that is
 * already gone is a no-op.
 */
public final class IngestionService {
    private static final Logger LOG = LoggerFactory.getLogger(IngestionService.class);
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final ObjectStore store;
    private final FileScanner scanner;
    private final RoutingIndex routing;
    private final DayChangeLog changes;

    public IngestionService(ObjectStore store, ReadLimits limits, RoutingIndex routing, DayChangeLog changes) {
        this.store = requireNonNull(store, "store is null");
        this.scanner = new FileScanner(requireNonNull(limits, "limits is null"));
        this.routing = requireNonNull(routing, "routing is null");
        this.changes = requireNonNull(changes, "changes is null");
    }

    public IngestOutcome ingest(ObjectKey rawKey, RunContext context) {
        try {
            return ingestPresent(rawKey, context);
        } catch (NoSuchObjectException e) {
            if (e.key().equals(rawKey)) {
                // Another ingestion of the same file (a duplicate event, a concurrent watcher) finished it first.
                return new IngestOutcome.Gone(rawKey);
            }
            throw e;
        }
    }

    private IngestOutcome ingestPresent(ObjectKey rawKey, RunContext context) {
        RawObject raw = RawObject.of(rawKey);
        if (!store.exists(rawKey)) {
            return new IngestOutcome.Gone(rawKey);
        }
        Optional<LogFormat> format = raw.format();
        if (format.isEmpty()) {
            return reject(raw, FileRejectReason.UNKNOWN_FORMAT, "prefix '" + raw.folder()
                    + "' is not one of ndjson, json_gzip, xml_errors", context);
        }
        FileScanResult scan;
        try (InputStream content = store.open(rawKey)) {
            scan = scanner.scan(format.get(), content);
        } catch (NoSuchObjectException e) {
            return new IngestOutcome.Gone(rawKey);
        } catch (IOException e) {
            throw new StorageException(ErrorCategory.TRANSIENT, "Cannot ingest " + rawKey + ": " + e.getMessage(), e);
        }
        if (scan instanceof FileScanResult.Rejected rejected) {
            return reject(raw, rejected.reason(), rejected.detail(), context);
        }
        return route(raw, format.get(), (FileScanResult.Routable) scan, context);
    }

    private IngestOutcome route(RawObject raw, LogFormat format, FileScanResult.Routable scan, RunContext context) {
        SortedSet<LocalDate> previous = routing.days(format, raw.name());
        RoutingPlan plan = RoutingPlan.of(format, raw.name(), scan.days(), previous);
        // Record the union first: a crash between copies and the final record never hides a copy from the next
        // re-upload of this name.
        TreeSet<LocalDate> union = new TreeSet<>(previous);
        union.addAll(scan.days());
        routing.record(format, raw.name(), union);
        for (ObjectKey copy : plan.copies()) {
            store.copy(raw.key(), copy);
        }
        for (ObjectKey stale : plan.staleCopies()) {
            store.delete(stale);
        }
        // After the copies: a run that starts in between must not clear a change it did not see.
        changes.markChanged(plan.changedDays(), context.runId().value(), raw.key());
        if (!union.equals(scan.days())) { // else the union recorded above is already exactly these days
            routing.record(format, raw.name(), scan.days());
        }
        ObjectKey archive = LakeLayout.archiveKey(format, raw.name(), context.startedAt(), context.runId());
        store.copy(raw.key(), archive);
        store.delete(raw.key());
        LOG.debug("Routed {} to {}", raw.key(), scan.days());
        return new IngestOutcome.Routed(raw.key(), scan.days(), plan.staleCopies(), archive, scan.records());
    }

    private IngestOutcome reject(RawObject raw, FileRejectReason reason, String detail, RunContext context) {
        FileRejection rejection = new FileRejection(reason, detail, raw.key(), context.runId(), context.startedAt());
        ObjectKey target = LakeLayout.lambdaRejectKey(raw.folder(), raw.name(), context.startedAt(), context.runId());
        store.copy(raw.key(), target);
        store.write(LakeLayout.errorSidecarKey(target), sidecar(rejection));
        store.delete(raw.key());
        LOG.debug("Rejected {}: {} ({})", raw.key(), reason, detail);
        return new IngestOutcome.Rejected(raw.key(), reason, detail, target);
    }

    static byte[] sidecar(FileRejection rejection) {
        ObjectNode node = JSON.createObjectNode();
        node.put("reason_code", rejection.reasonCode().name());
        node.put("detail", rejection.detail());
        node.put("source_key", rejection.sourceKey().value());
        node.put("run_id", rejection.runId().value());
        node.put("ingest_ts", rejection.ingestTimestamp());
        try {
            return JSON.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot serialise a reject sidecar", e);
        }
    }
}
