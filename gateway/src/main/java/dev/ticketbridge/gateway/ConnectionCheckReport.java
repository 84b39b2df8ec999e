package dev.ticketbridge.gateway;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The connection check item by item, with guidance for each failure, and the state labels now in effect. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ConnectionCheckReport(boolean ok, Instant checkedAt, List<Item> items,
        Map<String, Map<String, String>> stateNames) {

    /** One checked item: what, whether it passed, what was seen and what to do about a failure. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Item(String item, boolean ok, String detail, String guidance) {
    }
}
