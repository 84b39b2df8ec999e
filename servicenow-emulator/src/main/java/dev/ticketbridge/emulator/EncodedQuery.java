package dev.ticketbridge.emulator;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A parsed {@code sysparm_query}: {@code ^NQ} separates alternative queries, {@code ^} joins clauses with AND and
 * {@code ^OR} joins a condition to the previous clause. Conditions on unknown fields are dropped, as ServiceNow does
 * by default; in strict mode (ServiceNow's {@code glide.invalid_query.returns_no_rows}) such a query matches nothing.
 */
public final class EncodedQuery {

    private record Order(String field, boolean descending) {
    }

    private final List<List<List<Condition>>> alternatives;
    private final List<Order> orders;
    private final boolean matchesNothing;

    private EncodedQuery(List<List<List<Condition>>> alternatives, List<Order> orders, boolean matchesNothing) {
        this.alternatives = alternatives;
        this.orders = orders;
        this.matchesNothing = matchesNothing;
    }

    public static EncodedQuery parse(String query, TableSchema schema, boolean strict) {
        List<List<List<Condition>>> alternatives = new ArrayList<>();
        List<Order> orders = new ArrayList<>();
        boolean invalid = false;
        for (String alternative : (query == null ? "" : query).split("\\^NQ")) {
            List<List<Condition>> clauses = new ArrayList<>();
            for (String term : alternative.split("\\^")) {
                if (term.isEmpty() || term.equals("EQ")) {
                    continue;
                }
                Optional<Order> order = parseOrder(term);
                if (order.isPresent()) {
                    invalid |= !schema.knows(order.get().field());
                    orders.add(order.get());
                    continue;
                }
                boolean or = term.startsWith("OR");
                Optional<Condition> condition = Condition.parse(or ? term.substring(2) : term)
                        .filter(c -> schema.knows(c.field()));
                if (condition.isEmpty()) {
                    invalid = true;
                } else if (or && !clauses.isEmpty()) {
                    clauses.get(clauses.size() - 1).add(condition.get());
                } else {
                    clauses.add(new ArrayList<>(List.of(condition.get())));
                }
            }
            alternatives.add(clauses);
        }
        orders.removeIf(order -> !schema.knows(order.field()));
        return new EncodedQuery(alternatives, orders, strict && invalid);
    }

    private static Optional<Order> parseOrder(String term) {
        if (term.startsWith("ORDERBYDESC")) {
            return Optional.of(new Order(term.substring("ORDERBYDESC".length()), true));
        }
        if (term.startsWith("ORDERBY")) {
            return Optional.of(new Order(term.substring("ORDERBY".length()), false));
        }
        return Optional.empty();
    }

    /** Adds {@code field=value} conditions (the name=value alternative to sysparm_query) to every alternative. */
    public EncodedQuery and(List<Condition> conditions) {
        if (conditions.isEmpty()) {
            return this;
        }
        List<List<List<Condition>>> combined = new ArrayList<>();
        for (List<List<Condition>> clauses : alternatives) {
            List<List<Condition>> extended = new ArrayList<>(clauses);
            conditions.forEach(c -> extended.add(List.of(c)));
            combined.add(extended);
        }
        return new EncodedQuery(combined, orders, matchesNothing);
    }

    public boolean matches(Record record) {
        if (matchesNothing) {
            return false;
        }
        for (List<List<Condition>> clauses : alternatives) {
            if (allClausesMatch(clauses, record)) {
                return true;
            }
        }
        return false;
    }

    private static boolean allClausesMatch(List<List<Condition>> clauses, Record record) {
        for (List<Condition> clause : clauses) {
            if (!anyConditionMatches(clause, record)) {
                return false;
            }
        }
        return true;
    }

    private static boolean anyConditionMatches(List<Condition> clause, Record record) {
        for (Condition condition : clause) {
            if (condition.matches(record)) {
                return true;
            }
        }
        return false;
    }

    public boolean ordered() {
        return !orders.isEmpty();
    }

    /** The requested order, ties broken by insertion order so that pages are stable. */
    public Comparator<Record> comparator() {
        Comparator<Record> comparator = (a, b) -> 0;
        for (Order order : orders) {
            Comparator<Record> byField = (a, b) -> Condition.compare(a.get(order.field()), b.get(order.field()));
            comparator = comparator.thenComparing(order.descending() ? byField.reversed() : byField);
        }
        return comparator.thenComparingLong(Record::sequence);
    }
}
