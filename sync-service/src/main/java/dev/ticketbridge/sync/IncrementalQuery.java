package dev.ticketbridge.sync;

/**
 * The encoded queries of an incremental read: our records ({@code correlation_display=Ticketbridge}) changed at or
 * after a watermark, in (sys_updated_on, sys_id) order, paged by key.
 *
 * <p>A cycle starts with {@code sys_updated_on>=watermark}: ServiceNow stores seconds, so a record can still be
 * updated within the watermark's second after we read it; re-reading that second costs a few rows and is
 * de-duplicated by sys_mod_count. Following pages continue strictly after the last (sys_updated_on, sys_id) read,
 * which an encoded query (no parentheses) expresses as two alternatives joined by {@code ^NQ}.
 */
public final class IncrementalQuery {

    /** Value of {@code correlation_display} on every record Ticketbridge creates. */
    public static final String MARKER = "correlation_display=Ticketbridge";
    private static final String ORDER = "^ORDERBYsys_updated_on^ORDERBYsys_id";

    private IncrementalQuery() {
    }

    /** First page of a cycle: everything changed in or after the watermark's second. */
    public static String firstPage(Watermark watermark) {
        return MARKER + "^sys_updated_on>=" + watermark.updatedOn() + ORDER;
    }

    /** Next page: strictly after the last record read. */
    public static String after(Watermark last) {
        return MARKER + "^sys_updated_on>" + last.updatedOn()
                + "^NQ" + MARKER + "^sys_updated_on=" + last.updatedOn() + "^sys_id>" + last.sysId()
                + ORDER;
    }

    /** A batch of known records, for the reconciliation sweep and pushed notifications. */
    public static String records(Iterable<String> sysIds) {
        return MARKER + "^sys_idIN" + String.join(",", sysIds) + "^ORDERBYsys_id";
    }
}
