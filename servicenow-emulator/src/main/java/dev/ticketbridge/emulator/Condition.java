package dev.ticketbridge.emulator;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** One {@code <field><OP><value>} term of an encoded query. */
public record Condition(String field, Operator operator, String value, List<String> values) {

    public Condition(String field, Operator operator, String value) {
        this(field, operator, value, List.of(value.split(",", -1)));
    }

    private static final Pattern FIELD = Pattern.compile("^[a-z0-9_.]+");

    /** Supported operators, longest spelling first so that prefixes never shadow each other. */
    public enum Operator {
        IS_NOT_EMPTY("ISNOTEMPTY"), IS_EMPTY("ISEMPTY"), ANYTHING("ANYTHING"), EMPTY_STRING("EMPTYSTRING"),
        NOT_IN("NOT IN"), NOT_LIKE("NOT LIKE"), STARTS_WITH("STARTSWITH"), ENDS_WITH("ENDSWITH"), LIKE("LIKE"),
        BETWEEN("BETWEEN"), IN("IN"), NOT_EQUALS("!="), GREATER_OR_EQUAL(">="), LESS_OR_EQUAL("<="), EQUALS("="),
        GREATER(">"), LESS("<");

        private final String token;

        Operator(String token) {
            this.token = token;
        }
    }

    /** Parses a term; empty when the term is not a condition this emulator understands. */
    public static Optional<Condition> parse(String term) {
        var matcher = FIELD.matcher(term);
        if (!matcher.find()) {
            return Optional.empty();
        }
        String field = matcher.group();
        String rest = term.substring(field.length());
        return Arrays.stream(Operator.values())
                .filter(operator -> rest.startsWith(operator.token))
                .findFirst()
                .map(operator -> new Condition(field, operator, rest.substring(operator.token.length())));
    }

    public boolean matches(Record record) {
        String actual = record.get(field);
        return switch (operator) {
            case IS_EMPTY, EMPTY_STRING -> actual.isEmpty();
            case IS_NOT_EMPTY -> !actual.isEmpty();
            case ANYTHING -> true;
            case EQUALS -> actual.equals(value);
            case NOT_EQUALS -> !actual.equals(value);
            case IN -> values.contains(actual);
            case NOT_IN -> !values.contains(actual);
            case LIKE -> actual.contains(value);
            case NOT_LIKE -> !actual.contains(value);
            case STARTS_WITH -> actual.startsWith(value);
            case ENDS_WITH -> actual.endsWith(value);
            case GREATER -> !actual.isEmpty() && compare(actual, value) > 0;
            case GREATER_OR_EQUAL -> !actual.isEmpty() && compare(actual, value) >= 0;
            case LESS -> !actual.isEmpty() && compare(actual, value) < 0;
            case LESS_OR_EQUAL -> !actual.isEmpty() && compare(actual, value) <= 0;
            case BETWEEN -> between(actual);
        };
    }

    private boolean between(String actual) {
        int at = value.indexOf('@');
        return at > 0 && !actual.isEmpty() && compare(actual, value.substring(0, at)) >= 0
                && compare(actual, value.substring(at + 1)) <= 0;
    }


    /**
     * Numeric comparison when both sides look like numbers (state, priority), else string comparison, which orders
     * {@code YYYY-MM-DD HH:MM:SS} timestamps correctly.
     */
    public static int compare(String left, String right) {
        if (looksNumeric(left) && looksNumeric(right)) {
            return Double.compare(Double.parseDouble(left), Double.parseDouble(right));
        }
        return left.compareTo(right);
    }

    /** Same as matching {@code -?\d+(\.\d+)?}, without a regex: compare runs millions of times when sorting. */
    private static boolean looksNumeric(String value) {
        int start = value.startsWith("-") ? 1 : 0;
        int dot = -1;
        for (int i = start; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '.' && dot < 0 && i > start) {
                dot = i;
            } else if (c < '0' || c > '9') {
                return false;
            }
        }
        return value.length() > start && dot != value.length() - 1;
    }
}
