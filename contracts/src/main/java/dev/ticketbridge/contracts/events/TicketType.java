package dev.ticketbridge.contracts.events;

/** The kind of ServiceNow record a share becomes, and the table that holds it. */
public enum TicketType {
    CHANGE_REQUEST("change_request"),
    INCIDENT("incident");

    private final String table;

    TicketType(String table) {
        this.table = table;
    }

    public String table() {
        return table;
    }

    public static TicketType ofTable(String table) {
        for (TicketType type : values()) {
            if (type.table.equals(table)) {
                return type;
            }
        }
        throw new IllegalArgumentException("unknown ServiceNow table '" + table + "'");
    }
}
