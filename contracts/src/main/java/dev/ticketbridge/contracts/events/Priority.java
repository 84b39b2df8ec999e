package dev.ticketbridge.contracts.events;

/** ServiceNow task priorities, with the numeric code ServiceNow stores. */
public enum Priority {
    CRITICAL(1), HIGH(2), MODERATE(3), LOW(4), PLANNING(5);

    private final int code;

    Priority(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    public static Priority ofCode(int code) {
        for (Priority priority : values()) {
            if (priority.code == code) {
                return priority;
            }
        }
        throw new IllegalArgumentException("unknown priority code " + code);
    }
}
