package dev.ticketbridge.gateway.rest;

import dev.ticketbridge.gateway.config.ApiConfig;
import dev.ticketbridge.platform.problem.ProblemException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Reads query parameters strictly, answering a bad value with problem+json naming the parameter. */
final class QueryParams {

    private QueryParams() {
    }

    static <E extends Enum<E>> E optionalEnum(String name, String value, Class<E> type) {
        if (value == null || value.isBlank()) {
            return null;
        }
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equalsIgnoreCase(value.trim().replace('-', '_'))) {
                return constant;
            }
        }
        throw ProblemException.badField(name, "must be one of " + Arrays.stream(type.getEnumConstants())
                .map(e -> e.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", ")));
    }

    /** A free-text filter: null or blank means none; control characters are refused. */
    static String text(String name, String value) {
        if (value != null && value.chars().anyMatch(Character::isISOControl)) {
            throw ProblemException.badField(name, "must not contain control characters");
        }
        return value;
    }

    /** Items per page: the configured default when absent, else a whole number from 1 to the configured maximum. */
    static int size(String size, ApiConfig config) {
        if (size == null || size.isBlank()) {
            return config.defaultPageSize();
        }
        String range = "must be a whole number from 1 to " + config.maxPageSize();
        long value = number("size", size, range);
        if (value < 1 || value > config.maxPageSize()) {
            throw ProblemException.badField("size", range);
        }
        return (int) value;
    }

    /** A page number: 0 when absent, else a whole number from 0. */
    static int page(String page) {
        if (page == null || page.isBlank()) {
            return 0;
        }
        long value = number("page", page, "must be a whole number, 0 or more");
        if (value < 0 || value > Integer.MAX_VALUE) {
            throw ProblemException.badField("page", "must be a whole number, 0 or more");
        }
        return (int) value;
    }

    /** An optional whole number (a keyset position). */
    static Long optionalNumber(String name, String value) {
        return value == null || value.isBlank() ? null : number(name, value, "must be a whole number");
    }

    /**
     * Query parameters are read as text and converted here: a value the framework failed to convert would answer a
     * bare 404 that names nothing.
     */
    private static long number(String name, String value, String expectation) {
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw ProblemException.badField(name, expectation);
        }
    }
}
