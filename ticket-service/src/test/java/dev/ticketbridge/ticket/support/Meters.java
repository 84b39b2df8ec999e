package dev.ticketbridge.ticket.support;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/** Reads the service's own counters. */
public final class Meters {

    private Meters() {
    }

    /** Sum of a counter over all series carrying the given tag (tag null = every series). */
    public static double count(MeterRegistry registry, String name, String tag, String value) {
        var search = registry.find(name);
        if (tag != null) {
            search = search.tag(tag, value);
        }
        return search.counters().stream().mapToDouble(Counter::count).sum();
    }

    public static double serviceNowAnswers(MeterRegistry registry, int status) {
        return count(registry, "ticketbridge.servicenow.calls", "status", Integer.toString(status));
    }
}
