package dev.ticketbridge.e2e.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The results of one benchmark run: a section per benchmark for the JSON file, and the headline figures as rows of
 * the table printed at the end.
 */
final class Report {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Map<String, Object> document = new LinkedHashMap<>();
    private final List<String[]> rows = new ArrayList<>();

    void put(String section, Object value) {
        document.put(section, value);
    }

    /** One line of the printed table. */
    void row(String benchmark, String figure, String value) {
        rows.add(new String[] {benchmark, figure, value});
    }

    String table() {
        int[] widths = new int[3];
        for (String[] row : rows) {
            for (int i = 0; i < 3; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        String format = "%-" + widths[0] + "s | %-" + widths[1] + "s | %s%n";
        StringBuilder table = new StringBuilder();
        for (String[] row : rows) {
            table.append(String.format(format, (Object[]) row));
        }
        return table.toString();
    }

    void write(Path file) {
        try {
            Files.createDirectories(file.getParent());
            JSON.writeValue(file.toFile(), document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Two decimals are enough for every figure here; NaN (nothing measured) becomes null in the JSON. */
    static Double round(double value) {
        return Double.isNaN(value) || Double.isInfinite(value) ? null : Math.round(value * 100) / 100.0;
    }
}
