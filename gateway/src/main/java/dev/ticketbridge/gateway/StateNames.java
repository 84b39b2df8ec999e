package dev.ticketbridge.gateway;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.Map;

/**
 * State labels per table ({@code incident}, {@code change_request}), each a map state code → label: the instance's
 * (or ServiceNow's standard) labels, the tenant's renames, and the labels in effect.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record StateNames(Map<String, Map<String, String>> defaults, Map<String, Map<String, String>> renames,
        Map<String, Map<String, String>> effective) {
}
