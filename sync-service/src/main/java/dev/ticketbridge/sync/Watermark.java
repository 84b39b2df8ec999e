package dev.ticketbridge.sync;

import java.time.Instant;
import java.util.Comparator;

/**
 * A position in the (sys_updated_on, sys_id) order: everything at or before it has been read and its events
 * committed. {@code updatedOn} stays in ServiceNow's own text form so that queries repeat it exactly.
 */
public record Watermark(String updatedOn, String sysId) implements Comparable<Watermark> {

    private static final Comparator<Watermark> ORDER = Comparator.comparing(Watermark::updatedOn)
            .thenComparing(Watermark::sysId);

    /** Where a table starts when nothing has been read yet: the moment tracking of that tenant began. */
    public static Watermark startingAt(Instant instant) {
        return new Watermark(ServiceNowTime.format(instant), "");
    }

    @Override
    public int compareTo(Watermark other) {
        return ORDER.compare(this, other);
    }

    public Watermark max(Watermark other) {
        return compareTo(other) >= 0 ? this : other;
    }
}
