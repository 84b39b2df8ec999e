package dev.ticketbridge.connection;

/**
 * One line of the connection check: what was checked, whether it passed, what was seen and, when it failed, what a
 * person should do about it.
 */
public record CheckItem(String item, boolean ok, String detail, String guidance) {

    public static CheckItem passed(String item, String detail) {
        return new CheckItem(item, true, detail, null);
    }

    public static CheckItem failed(String item, String detail, String guidance) {
        return new CheckItem(item, false, detail, guidance);
    }
}
