package dev.ticketbridge.gateway.service;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.ticketbridge.contracts.events.TicketType;
import dev.ticketbridge.gateway.Caller;
import dev.ticketbridge.gateway.ShareStatus;
import dev.ticketbridge.gateway.SyncHealth;
import dev.ticketbridge.gateway.client.SyncHealthClient;
import dev.ticketbridge.gateway.config.ApiConfig;
import dev.ticketbridge.gateway.persistence.ShareRecord;
import dev.ticketbridge.gateway.persistence.SummaryBuckets;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** The tenant's tickets: the filtered list with keyset pagination, and the summary behind the home cards. */
@ApplicationScoped
public class TicketBoard {

    /** What to list; every filter optional. {@code state} is a state code or the tenant's label for one. */
    public record Filter(TicketType type, ShareStatus status, String state, String text, boolean overdue,
            String cursor, int size) {
    }

    /** One page of tickets, newest share first; {@code nextCursor} is null on the last page. */
    public record TicketPage(List<ShareView> items, String nextCursor) {
    }

    /** One state of a ticket type: the tenant's label, the codes that carry it and how many tickets are in it. */
    public record StateCount(String label, List<String> codes, long tickets) {
    }

    /** One home card. */
    public record TypeSummary(TicketType ticketType, long total, long pending, long failed, long open, long overdue,
            double pointsAtStake, List<StateCount> states) {
    }

    /** Both home cards, the connection they depend on and, when sync-service reports it, the sync health. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Summary(ConnectionReadModel.ConnectionState connection, List<TypeSummary> types, SyncHealth syncHealth) {
    }

    private final SummaryBuckets buckets;
    private final ConnectionReadModel connections;
    private final SyncHealthClient syncHealth;
    private final ApiConfig config;

    public TicketBoard(SummaryBuckets buckets, ConnectionReadModel connections, SyncHealthClient syncHealth,
            ApiConfig config) {
        this.buckets = buckets;
        this.connections = connections;
        this.syncHealth = syncHealth;
        this.config = config;
    }

    public TicketPage list(Caller caller, Filter filter) {
        LocalDate today = LocalDate.now(config.dueDateZone());
        StateLabels labels = connections.labels(caller.tenantId());
        StringBuilder where = new StringBuilder("tenantId = :tenant");
        Parameters params = Parameters.with("tenant", caller.tenantId());
        if (filter.type() != null) {
            where.append(" and ticketType = :type");
            params.and("type", filter.type().name());
        }
        if (filter.status() != null) {
            where.append(" and status = :status");
            params.and("status", filter.status());
        }
        if (filter.state() != null && !filter.state().isBlank()) {
            where.append(" and stateCode in :codes");
            Set<String> codes = labels.codesFor(filter.state().trim());
            codes.addAll(buckets.codesReportedAs(caller.tenantId(), filter.state().trim()));
            params.and("codes", codes);
        }
        if (filter.text() != null && !filter.text().isBlank()) {
            where.append(" and (lower(taskName) like :text escape '\\' or lower(number) like :text escape '\\'"
                    + " or lower(actionTitle) like :text escape '\\')");
            params.and("text", "%" + likeEscaped(filter.text().trim().toLowerCase(Locale.ROOT)) + "%");
        }
        if (filter.overdue()) {
            where.append(" and status = :created and closed = false and dueDate < :today");
            params.and("created", ShareStatus.CREATED).and("today", today);
        }
        if (filter.cursor() != null && !filter.cursor().isBlank()) {
            TicketCursor after = TicketCursor.decode(filter.cursor());
            where.append(" and (requestedAt < :at or (requestedAt = :at and shareId < :id))");
            params.and("at", after.requestedAt()).and("id", after.shareId());
        }
        List<ShareRecord> rows = ShareRecord.<ShareRecord>find(where.toString(),
                Sort.descending("requestedAt", "shareId"), params).page(0, filter.size() + 1).list();
        boolean more = rows.size() > filter.size();
        List<ShareRecord> page = more ? rows.subList(0, filter.size()) : rows;
        String next = more ? new TicketCursor(page.get(page.size() - 1).requestedAt, page.get(page.size() - 1).shareId)
                .encode() : null;
        return new TicketPage(page.stream().map(s -> ShareViews.of(s, labels, today)).toList(), next);
    }

    public Summary summary(Caller caller) {
        LocalDate today = LocalDate.now(config.dueDateZone());
        StateLabels labels = connections.labels(caller.tenantId());
        Map<TicketType, Card> cards = new EnumMap<>(TicketType.class);
        for (TicketType type : TicketType.values()) {
            cards.put(type, new Card());
        }
        for (SummaryBuckets.Count count : buckets.counts(caller.tenantId(), today)) {
            TicketType type = TicketType.valueOf(count.ticketType());
            cards.get(type).add(count, labels.label(type.table(), count.stateCode(), count.reportedLabel()));
        }
        Map<String, Double> points = buckets.pointsAtStake(caller.tenantId());
        List<TypeSummary> types = new ArrayList<>();
        cards.forEach((type, card) -> types.add(card.summary(type, points.getOrDefault(type.name(), 0.0))));
        ConnectionReadModel.ConnectionState connection = connections.state(caller.tenantId());
        SyncHealth health = ConnectionReadModel.ConnectionState.NOT_CONNECTED.status().equals(connection.status()) ? null
                : syncHealth.health(caller.tenantId()).orElse(null);
        return new Summary(connection, types, health);
    }

    /** ServiceNow state codes are numbers ({@code -5} New … {@code 3} Closed); order them as such. */
    private static long numeric(String code) {
        try {
            return Long.parseLong(code);
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }

    private static String likeEscaped(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    /** Adds up one ticket type's buckets. */
    private static final class Card {

        private long total;
        private long pending;
        private long failed;
        private long open;
        private long overdue;
        private final Map<String, List<String>> codesByLabel = new LinkedHashMap<>();
        private final Map<String, Long> ticketsByLabel = new LinkedHashMap<>();

        void add(SummaryBuckets.Count count, String label) {
            total += count.tickets();
            overdue += count.overdue();
            switch (count.status()) {
                case PENDING -> pending += count.tickets();
                case FAILED -> failed += count.tickets();
                case CREATED -> {
                    if (!count.closed()) {
                        open += count.tickets();
                    }
                    List<String> codes = codesByLabel.computeIfAbsent(label, l -> new ArrayList<>());
                    if (!codes.contains(count.stateCode())) {
                        codes.add(count.stateCode());
                    }
                    ticketsByLabel.merge(label, count.tickets(), Long::sum);
                }
            }
        }

        TypeSummary summary(TicketType type, double points) {
            List<StateCount> states = ticketsByLabel.entrySet().stream()
                    .map(e -> new StateCount(e.getKey(), List.copyOf(codesByLabel.get(e.getKey())), e.getValue()))
                    .sorted(Comparator.comparing((StateCount s) -> numeric(s.codes().get(0)))
                            .thenComparing(s -> s.codes().get(0)))
                    .toList();
            return new TypeSummary(type, total, pending, failed, open, overdue, points, states);
        }
    }
}
