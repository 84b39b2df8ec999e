package dev.ticketbridge.emulator.rest;

import jakarta.ws.rs.Path;

/** Table API at the unversioned path, which behaves like the latest version (v2: an empty list is 200 []). */
@Path("/api/now/table")
public class TableResource extends TableApi {

    public TableResource(TableEndpoint endpoint) {
        super(endpoint);
    }

    @Override
    protected boolean emptyListIsNotFound() {
        return false;
    }
}
