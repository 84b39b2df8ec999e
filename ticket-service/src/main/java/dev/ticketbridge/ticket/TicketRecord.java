package dev.ticketbridge.ticket;

import java.time.Instant;

/**
 * A ServiceNow record as the Table API returned it.
 *
 * @param recordUrl the record's form in the instance UI, {@code <instance>/<table>.do?sys_id=<sys_id>}
 */
public record TicketRecord(String table, String sysId, String number, String stateCode, long sysModCount,
        Instant sysUpdatedOn, String recordUrl) {
}
