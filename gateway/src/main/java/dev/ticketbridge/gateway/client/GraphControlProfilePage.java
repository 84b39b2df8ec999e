package dev.ticketbridge.gateway.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** One page of Microsoft Graph's {@code GET /security/secureScoreControlProfiles}, in Graph's own JSON. */
@JsonIgnoreProperties(ignoreUnknown = true)
record GraphControlProfilePage(
        @JsonProperty("@odata.nextLink") String nextLink,
        List<Profile> value) {

    GraphControlProfilePage {
        value = value == null ? List.of() : value;
    }

    /** A {@code secureScoreControlProfile}, the properties the catalog uses. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Profile(
            String id,
            String title,
            String controlCategory,
            String service,
            Double maxScore,
            Integer rank,
            String tier,
            String actionType,
            String actionUrl,
            String implementationCost,
            String userImpact,
            List<String> threats,
            String remediation,
            String remediationImpact,
            Boolean deprecated) {
    }
}
