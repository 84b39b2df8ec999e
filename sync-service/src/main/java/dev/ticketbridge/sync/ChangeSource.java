package dev.ticketbridge.sync;

import java.util.Locale;

/** How a change was found; a metric tag. */
public enum ChangeSource {
    POLL, PUSH, RECONCILE;

    public String tag() {
        return name().toLowerCase(Locale.ROOT);
    }
}
