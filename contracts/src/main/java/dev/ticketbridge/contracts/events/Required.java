package dev.ticketbridge.contracts.events;

/** Null checks for event constructors, so a payload missing a field fails with a message naming it. */
final class Required {

    private Required() {
    }

    static <T> T field(T value, String name) {
        if (value == null) {
            throw new IllegalArgumentException("missing required field '" + name + "'");
        }
        return value;
    }

    static String text(String value, String name) {
        if (field(value, name).isBlank()) {
            throw new IllegalArgumentException("field '" + name + "' must not be blank");
        }
        return value;
    }

    static int version(int value) {
        if (value < 1) {
            throw new IllegalArgumentException("field 'schemaVersion' must be 1 or greater");
        }
        return value;
    }
}
