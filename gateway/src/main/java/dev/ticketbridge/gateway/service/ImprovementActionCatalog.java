package dev.ticketbridge.gateway.service;

import dev.ticketbridge.contracts.events.RecommendationCategory;
import dev.ticketbridge.gateway.CatalogAction;
import dev.ticketbridge.gateway.client.CatalogSource;
import dev.ticketbridge.gateway.client.FileCatalogSource;
import dev.ticketbridge.gateway.client.GraphCatalogSource;
import dev.ticketbridge.gateway.config.CatalogConfig;
import dev.ticketbridge.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;

/** Lists, filters and finds a tenant's improvement actions, from the configured source. */
@ApplicationScoped
public class ImprovementActionCatalog {

    /** How a list is ordered: Microsoft's rank (most important first) or the highest max score first. */
    public enum SortOrder {
        RANK(Comparator.comparingInt(CatalogAction::rank).thenComparing(CatalogAction::id)),
        MAX_SCORE(Comparator.comparingDouble(CatalogAction::maxScore).reversed()
                .thenComparingInt(CatalogAction::rank).thenComparing(CatalogAction::id));

        private final Comparator<CatalogAction> comparator;

        SortOrder(Comparator<CatalogAction> comparator) {
            this.comparator = comparator;
        }
    }

    /** What to list; every filter optional. */
    public record Query(RecommendationCategory category, String service, String text, SortOrder sort, int page,
            int size) {
    }

    /** One page of actions, with how many match in all. */
    public record ActionPage(List<CatalogAction> items, int page, int size, long total) {
    }

    private final CatalogSource source;

    public ImprovementActionCatalog(CatalogConfig config, FileCatalogSource file, GraphCatalogSource graph) {
        this.source = config.source() == CatalogConfig.Source.GRAPH ? graph : file;
    }

    public ActionPage list(String tenantId, Query query) {
        List<CatalogAction> matching = source.actions(tenantId).stream()
                .filter(matches(query))
                .sorted(query.sort().comparator)
                .toList();
        List<CatalogAction> page = matching.stream().skip((long) query.page() * query.size()).limit(query.size()).toList();
        return new ActionPage(page, query.page(), query.size(), matching.size());
    }

    public Optional<CatalogAction> find(String tenantId, String actionId) {
        return source.actions(tenantId).stream().filter(a -> a.id().equals(actionId)).findFirst();
    }

    public CatalogAction get(String tenantId, String actionId) {
        return find(tenantId, actionId)
                .orElseThrow(() -> ProblemException.notFound("no improvement action '" + actionId + "'"));
    }

    private static Predicate<CatalogAction> matches(Query query) {
        Predicate<CatalogAction> all = action -> true;
        if (query.category() != null) {
            all = all.and(a -> a.category() == query.category());
        }
        if (query.service() != null && !query.service().isBlank()) {
            all = all.and(a -> query.service().equalsIgnoreCase(a.service()));
        }
        if (query.text() != null && !query.text().isBlank()) {
            String text = query.text().toLowerCase(Locale.ROOT);
            all = all.and(a -> a.title().toLowerCase(Locale.ROOT).contains(text)
                    || a.id().toLowerCase(Locale.ROOT).contains(text));
        }
        return all;
    }
}
