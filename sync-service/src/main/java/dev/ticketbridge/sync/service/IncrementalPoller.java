package dev.ticketbridge.sync.service;

import dev.ticketbridge.contracts.events.TicketType;
import dev.ticketbridge.sync.IncrementalQuery;
import dev.ticketbridge.sync.RemoteTicket;
import dev.ticketbridge.sync.ServiceNowTime;
import dev.ticketbridge.sync.Watermark;
import dev.ticketbridge.sync.client.ServiceNowCallException;
import dev.ticketbridge.sync.client.TablePage;
import dev.ticketbridge.sync.client.TokenUnavailableException;
import dev.ticketbridge.sync.config.SyncConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One polling cycle of one connection: per table, the records that are ours and changed since the watermark, page
 * by page by key. Each page is committed with its events and the watermark it reached, so a cycle cut short (crash,
 * error, rate limit) resumes from what was committed. The cost is one call per table while changes fit a page,
 * whatever the number of tracked tickets.
 *
 * <p>The watermark's own second is re-read ({@code >=}) until a read of it was answered at least
 * {@link #SETTLE} after that second ended by the instance's clock; from then on nothing new can carry that
 * timestamp, and the cycle reads strictly after the watermark, so a busy boundary second is not re-read forever.
 */
@ApplicationScoped
public class IncrementalPoller {

    /** How far before the oldest tracked change a table's first read starts, for clock skew. */
    static final Duration FIRST_READ_MARGIN = Duration.ofMinutes(1);
    /** How long after a second ends, by the instance's clock, it counts as closed. */
    static final Duration SETTLE = Duration.ofSeconds(2);

    /** What a cycle did. */
    public record CycleResult(int apiCalls, int published) {
    }

    private final ServiceNowReader reader;
    private final ChangeRecorder recorder;
    private final SyncConfig config;
    /** Per tenant and table, the watermark second known to be completely read. */
    private final Map<String, String> settledSeconds = new ConcurrentHashMap<>();

    public IncrementalPoller(ServiceNowReader reader, ChangeRecorder recorder, SyncConfig config) {
        this.reader = reader;
        this.recorder = recorder;
        this.config = config;
    }

    public CycleResult cycle(String tenantId) throws ServiceNowCallException, TokenUnavailableException {
        int calls = 0;
        int published = 0;
        for (TicketType type : TicketType.values()) {
            CycleResult table = pollTable(tenantId, type);
            calls += table.apiCalls();
            published += table.published();
        }
        return new CycleResult(calls, published);
    }

    private CycleResult pollTable(String tenantId, TicketType type)
            throws ServiceNowCallException, TokenUnavailableException {
        Watermark watermark = recorder.watermark(tenantId, type)
                .orElseGet(() -> recorder.initialWatermark(tenantId, type, FIRST_READ_MARGIN));
        int limit = config.poll().pageSize();
        String key = tenantId + '|' + type.table();
        boolean settled = watermark.updatedOn().equals(settledSeconds.get(key));
        String query = settled ? IncrementalQuery.after(watermark) : IncrementalQuery.firstPage(watermark);
        int calls = 0;
        int published = 0;
        while (calls < config.poll().maxPagesPerCycle()) {
            TablePage page = reader.query(tenantId, type.table(), query, limit);
            calls++;
            if (calls == 1 && !settled && secondOver(watermark, page.instanceTime())) {
                settledSeconds.put(key, watermark.updatedOn());
            }
            List<RemoteTicket> records = page.records();
            if (records.isEmpty()) {
                break;
            }
            Watermark last = records.get(records.size() - 1).position();
            published += recorder.recordPage(tenantId, type, records, last);
            if (!page.mayHaveMore(limit)) {
                break;
            }
            query = IncrementalQuery.after(last);
        }
        return new CycleResult(calls, published);
    }

    private static boolean secondOver(Watermark watermark, Instant instanceTime) {
        if (watermark.updatedOn().isEmpty()) {
            return false;
        }
        Instant secondEnd = ServiceNowTime.parse(watermark.updatedOn()).plusSeconds(1);
        return !instanceTime.isBefore(secondEnd.plus(SETTLE));
    }
}
