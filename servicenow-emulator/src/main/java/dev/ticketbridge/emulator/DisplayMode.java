package dev.ticketbridge.emulator;

/** {@code sysparm_display_value}: raw values, display values, or both. */
public enum DisplayMode {
    VALUE, DISPLAY, ALL;

    public static DisplayMode parse(String parameter) {
        if (parameter == null) {
            return VALUE;
        }
        return switch (parameter.toLowerCase()) {
            case "true" -> DISPLAY;
            case "all" -> ALL;
            default -> VALUE;
        };
    }
}
