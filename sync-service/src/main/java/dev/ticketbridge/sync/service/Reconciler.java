package dev.ticketbridge.sync.service;

import dev.ticketbridge.contracts.events.TicketType;
import dev.ticketbridge.sync.ChangeSource;
import dev.ticketbridge.sync.IncrementalQuery;
import dev.ticketbridge.sync.RemoteTicket;
import dev.ticketbridge.sync.client.ServiceNowCallException;
import dev.ticketbridge.sync.client.TablePage;
import dev.ticketbridge.sync.client.TokenUnavailableException;
import dev.ticketbridge.sync.config.SyncConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * The reconciliation sweep: re-reads every open tracked ticket of a connection in {@code sys_idIN} batches and
 * publishes whatever differs from what was last published (a change the watermark missed through clock skew or a
 * late transaction). Reports what it corrected and which tracked records the instance no longer returns.
 */
@ApplicationScoped
public class Reconciler {

    private static final Logger LOG = Logger.getLogger(Reconciler.class);

    /** What a sweep found. */
    public record SweepResult(int apiCalls, int corrected, int missing) {
    }

    private final ServiceNowReader reader;
    private final ChangeRecorder recorder;
    private final TrackingQueries queries;
    private final SyncMetrics metrics;
    private final SyncConfig config;

    public Reconciler(ServiceNowReader reader, ChangeRecorder recorder, TrackingQueries queries, SyncMetrics metrics,
            SyncConfig config) {
        this.reader = reader;
        this.recorder = recorder;
        this.queries = queries;
        this.metrics = metrics;
        this.config = config;
    }

    public SweepResult sweep(String tenantId) throws ServiceNowCallException, TokenUnavailableException {
        int calls = 0;
        int corrected = 0;
        int missing = 0;
        int batch = config.reconcile().batchSize();
        for (TicketType type : TicketType.values()) {
            String after = "";
            List<String> sysIds;
            while (!(sysIds = queries.openSysIds(tenantId, type.table(), after, batch)).isEmpty()) {
                TablePage page = reader.query(tenantId, type.table(), IncrementalQuery.records(sysIds), batch);
                calls++;
                corrected += recorder.recordRecords(tenantId, type, page.records(), ChangeSource.RECONCILE);
                missing += missing(sysIds, page.records());
                after = sysIds.get(sysIds.size() - 1);
            }
        }
        if (corrected > 0 || missing > 0) {
            LOG.infof("Reconciliation of tenant %s corrected %d ticket(s); %d tracked record(s) not returned by the"
                    + " instance (deleted or hidden)", tenantId, corrected, missing);
        }
        metrics.corrected(tenantId, corrected);
        return new SweepResult(calls, corrected, missing);
    }

    private static int missing(List<String> asked, List<RemoteTicket> returned) {
        Set<String> found = new HashSet<>();
        returned.forEach(r -> found.add(r.sysId()));
        return (int) asked.stream().filter(id -> !found.contains(id)).count();
    }
}
