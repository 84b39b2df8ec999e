package dev.ticketbridge.emulator.rest;

import jakarta.ws.rs.Path;

/** Table API v1: an empty list answers 404. */
@Path("/api/now/v1/table")
public class TableV1Resource extends TableApi {

    public TableV1Resource(TableEndpoint endpoint) {
        super(endpoint);
    }

    @Override
    protected boolean emptyListIsNotFound() {
        return true;
    }
}
