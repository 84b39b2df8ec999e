package dev.ticketbridge.sync.client;

import dev.ticketbridge.sync.RemoteTicket;
import java.time.Instant;
import java.util.List;

/**
 * One answer of a Table API list query.
 *
 * @param totalCount   {@code X-Total-Count}: rows matching the whole query, or -1 when the instance did not say
 * @param instanceTime the instance's clock when it answered (its {@code Date} header, else ours)
 */
public record TablePage(List<RemoteTicket> records, long totalCount, Instant instanceTime) {

    /** Whether rows beyond this page may exist. */
    public boolean mayHaveMore(int limit) {
        if (records.size() < limit) {
            return false;
        }
        return totalCount < 0 || totalCount > records.size();
    }
}
