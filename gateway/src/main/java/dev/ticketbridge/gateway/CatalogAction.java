package dev.ticketbridge.gateway;

import dev.ticketbridge.contracts.events.RecommendationCategory;
import java.util.List;

/**
 * One Secure Score improvement action as the portal shows it.
 *
 * @param remediation sanitised HTML, safe to place in a page
 */
public record CatalogAction(
        String id,
        String title,
        RecommendationCategory category,
        String service,
        double maxScore,
        int rank,
        String tier,
        String actionType,
        String actionUrl,
        String implementationCost,
        String userImpact,
        List<String> threats,
        String remediation,
        String remediationImpact) {
}
