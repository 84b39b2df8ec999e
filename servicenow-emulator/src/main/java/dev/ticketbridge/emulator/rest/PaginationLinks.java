package dev.ticketbridge.emulator.rest;

import jakarta.ws.rs.core.UriBuilder;
import java.util.ArrayList;
import java.util.List;

/** The Table API's {@code Link} header: first, prev (when not on the first page), next (when more), last. */
final class PaginationLinks {

    private PaginationLinks() {
    }

    static String of(UriBuilder request, int offset, int limit, int total) {
        int pageSize = Math.max(limit, 1);
        int lastOffset = total == 0 ? 0 : ((total - 1) / pageSize) * pageSize;
        List<String> links = new ArrayList<>();
        links.add(link(request, 0, pageSize, "first"));
        if (offset > 0) {
            links.add(link(request, Math.max(0, offset - pageSize), pageSize, "prev"));
        }
        if (offset + pageSize < total) {
            links.add(link(request, offset + pageSize, pageSize, "next"));
        }
        links.add(link(request, lastOffset, pageSize, "last"));
        return String.join(",", links);
    }

    private static String link(UriBuilder request, int offset, int limit, String rel) {
        String uri = request.clone().replaceQueryParam("sysparm_limit", limit)
                .replaceQueryParam("sysparm_offset", offset).build().toString();
        return "<" + uri + ">;rel=\"" + rel + "\"";
    }
}
