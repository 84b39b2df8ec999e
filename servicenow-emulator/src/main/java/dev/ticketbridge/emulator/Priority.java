package dev.ticketbridge.emulator;

/** The base incident priority lookup (impact × urgency), as ServiceNow's default data lookup rules define it. */
public final class Priority {

    private static final int[][] LOOKUP = {{1, 2, 3}, {2, 3, 4}, {3, 4, 5}};

    private Priority() {
    }

    /** Priority for impact and urgency values "1".."3"; values out of range count as 3 (Low). */
    public static String of(String impact, String urgency) {
        return Integer.toString(LOOKUP[level(impact) - 1][level(urgency) - 1]);
    }

    private static int level(String value) {
        try {
            int level = Integer.parseInt(value.trim());
            return level >= 1 && level <= 3 ? level : 3;
        } catch (NumberFormatException | NullPointerException e) {
            return 3;
        }
    }
}
