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

    static int size(Integer size, ApiConfig config) {
        if (size == null) {
            return config.defaultPageSize();
        }
        if (size < 1 || size > config.maxPageSize()) {
            throw ProblemException.badField("size", "must be between 1 and " + config.maxPageSize());
        }
        return size;
    }

    static int page(Integer page) {
        if (page == null) {
            return 0;
        }
        if (page < 0) {
            throw ProblemException.badField("page", "must be 0 or more");
        }
        return page;
    }
}
