package dev.ticketbridge.sync;

import java.time.Instant;

/**
 * A tracked-table record as ServiceNow returned it: only the fields sync uses.
 *
 * @param stateLabel the instance's own label for the state (its sys_choice), used when the tenant renamed nothing
 * @param active     ServiceNow's {@code active} flag; null when the instance did not return it
 * @param updatedOn  {@code sys_updated_on} exactly as ServiceNow wrote it ({@code YYYY-MM-DD HH:MM:SS}, UTC)
 */
public record RemoteTicket(
        String sysId,
        String number,
        String stateCode,
        String stateLabel,
        String assignedTo,
        Boolean active,
        long sysModCount,
        String updatedOn) {

    public Instant updatedAt() {
        return ServiceNowTime.parse(updatedOn);
    }

    /** Its position in the (sys_updated_on, sys_id) order the incremental query reads in. */
    public Watermark position() {
        return new Watermark(updatedOn, sysId);
    }
}
