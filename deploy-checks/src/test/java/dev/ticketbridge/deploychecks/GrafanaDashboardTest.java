package dev.ticketbridge.deploychecks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class GrafanaDashboardTest {

    private static final Pattern MICROMETER_NAME = Pattern.compile("\"(ticketbridge\\.[a-z_.]+)\"");
    private static final Pattern PROMETHEUS_NAME = Pattern.compile("\\b(ticketbridge_[a-z_]+)");
    private static final String SUFFIXES = "(_seconds)?(_total|_count|_sum|_max|_bucket)?$";

    @Test
    void everyPanelQueriesMetricsTheServicesRegister() throws IOException {
        JsonNode dashboard = new ObjectMapper().readTree(Repo.path("deploy/grafana/ticketbridge.json").toFile());
        Set<String> registered = registeredMeters();
        assertThat(registered).contains("ticketbridge_tickets_created", "ticketbridge_sync_lag", "ticketbridge_outbox_relayed");
        assertThat(dashboard.get("panels")).hasSizeGreaterThanOrEqualTo(10);
        for (JsonNode panel : dashboard.get("panels")) {
            assertThat(panel.get("targets")).as(panel.get("title").asText()).isNotEmpty();
            for (JsonNode target : panel.get("targets")) {
                Matcher metric = PROMETHEUS_NAME.matcher(target.get("expr").asText());
                while (metric.find()) {
                    String base = metric.group(1).replaceAll(SUFFIXES, "");
                    assertThat(registered).as(panel.get("title").asText()).contains(base);
                }
            }
        }
    }

    /** Micrometer meter names in the services' and platform's main code, as Prometheus names without suffixes. */
    private static Set<String> registeredMeters() {
        Set<String> names = new TreeSet<>();
        for (String module : Stream.concat(Repo.SERVICES.stream(), Stream.of("platform")).toList()) {
            Path sources = Repo.path(module + "/src/main/java");
            if (!Files.isDirectory(sources)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(sources)) {
                files.filter(f -> f.toString().endsWith(".java")).forEach(file -> {
                    Matcher name = MICROMETER_NAME.matcher(read(file));
                    while (name.find()) {
                        names.add(name.group(1).replace('.', '_'));
                    }
                });
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return names;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
