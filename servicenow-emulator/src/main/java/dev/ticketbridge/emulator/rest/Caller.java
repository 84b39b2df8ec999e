package dev.ticketbridge.emulator.rest;

import io.vertx.ext.web.RoutingContext;

/** The user the {@link ApiGate} authenticated for the current request. */
final class Caller {

    private Caller() {
    }

    static String of(RoutingContext ctx) {
        String user = ctx.get(ApiGate.USER);
        if (user == null) {
            throw new IllegalStateException("Request was not authenticated by the API gate");
        }
        return user;
    }
}
