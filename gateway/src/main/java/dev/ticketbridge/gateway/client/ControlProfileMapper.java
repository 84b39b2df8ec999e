package dev.ticketbridge.gateway.client;

import dev.ticketbridge.contracts.events.RecommendationCategory;
import dev.ticketbridge.gateway.CatalogAction;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.jboss.logging.Logger;
import org.jsoup.Jsoup;
import org.jsoup.safety.Safelist;

/**
 * Turns Graph control profiles into catalog actions: sanitises the remediation HTML (Graph sends an HTML fragment)
 * and maps Graph's category names, old and new, onto the five categories of a share.
 */
final class ControlProfileMapper {

    private static final Logger LOG = Logger.getLogger(ControlProfileMapper.class);
    private static final Safelist SAFE_HTML = Safelist.basic();

    private ControlProfileMapper() {
    }

    static List<CatalogAction> toActions(List<GraphControlProfilePage.Profile> profiles) {
        return profiles.stream()
                .filter(p -> p.id() != null && !p.id().isBlank() && !Boolean.TRUE.equals(p.deprecated()))
                .map(ControlProfileMapper::toAction)
                .flatMap(Optional::stream)
                .toList();
    }

    private static Optional<CatalogAction> toAction(GraphControlProfilePage.Profile p) {
        Optional<RecommendationCategory> category = category(p.controlCategory());
        if (category.isEmpty()) {
            LOG.warnf("Improvement action %s has unknown category '%s'; left out of the catalog", p.id(),
                    p.controlCategory());
            return Optional.empty();
        }
        return Optional.of(new CatalogAction(p.id(), Objects.requireNonNullElse(p.title(), p.id()), category.get(),
                p.service(), p.maxScore() == null ? 0 : p.maxScore(), p.rank() == null ? Integer.MAX_VALUE : p.rank(),
                p.tier(), p.actionType(), p.actionUrl(), p.implementationCost(), p.userImpact(),
                p.threats() == null ? List.of() : List.copyOf(p.threats()), sanitise(p.remediation()),
                sanitise(p.remediationImpact())));
    }

    /** Keeps only harmless formatting and http(s) links; drops scripts, handlers and styles. */
    static String sanitise(String html) {
        return html == null ? null : Jsoup.clean(html, SAFE_HTML).trim();
    }

    static Optional<RecommendationCategory> category(String graphName) {
        if (graphName == null) {
            return Optional.empty();
        }
        return switch (graphName.trim().toLowerCase(Locale.ROOT)) {
            case "device", "devices" -> Optional.of(RecommendationCategory.Devices);
            case "data" -> Optional.of(RecommendationCategory.Data);
            case "apps" -> Optional.of(RecommendationCategory.Apps);
            case "identity", "account" -> Optional.of(RecommendationCategory.Identity);
            case "infrastructure" -> Optional.of(RecommendationCategory.Infrastructure);
            default -> Optional.empty();
        };
    }
}
