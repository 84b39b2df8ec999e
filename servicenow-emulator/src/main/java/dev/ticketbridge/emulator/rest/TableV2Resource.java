package dev.ticketbridge.emulator.rest;

import jakarta.ws.rs.Path;

/** Table API v2: an empty list answers 200 with an empty result. */
@Path("/api/now/v2/table")
public class TableV2Resource extends TableApi {

    public TableV2Resource(TableEndpoint endpoint) {
        super(endpoint);
    }

    @Override
    protected boolean emptyListIsNotFound() {
        return false;
    }
}
