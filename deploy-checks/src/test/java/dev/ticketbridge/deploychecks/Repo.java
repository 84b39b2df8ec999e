package dev.ticketbridge.deploychecks;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/** The repository as the checks see it: files, the README's module table, the services' configuration. */
final class Repo {

    /** The four services and the emulator: the modules that run as containers. */
    static final List<String> SERVICES = List.of("gateway", "connection-service", "ticket-service", "sync-service");
    static final List<String> RUNNABLE = List.of("gateway", "connection-service", "ticket-service", "sync-service",
            "servicenow-emulator");

    private static final Pattern MODULE_ROW = Pattern.compile("^\\|\\s*`([a-z-]+)`\\s*\\|.*\\|\\s*(\\d+|—)\\s*\\|\\s*$");

    private Repo() {
    }

    static Path root() {
        String configured = System.getProperty("ticketbridge.root");
        Path start = Path.of(configured != null ? configured : "").toAbsolutePath();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            if (Files.exists(dir.resolve("docker-compose.yml")) && Files.exists(dir.resolve("deploy-checks"))) {
                return dir;
            }
        }
        throw new IllegalStateException("repository root not found above " + start);
    }

    static Path path(String relative) {
        return root().resolve(relative);
    }

    static String read(String relative) {
        try {
            return Files.readString(path(relative));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String version() {
        return System.getProperty("ticketbridge.version", "0.1.0-SNAPSHOT");
    }

    /** README's "Modules, ports and topics" table: module → port, for the modules that have one. */
    static Map<String, Integer> readmePorts() {
        Map<String, Integer> ports = new LinkedHashMap<>();
        for (String line : read("README.md").split("\n")) {
            Matcher row = MODULE_ROW.matcher(line.strip());
            if (row.matches() && !row.group(2).equals("—")) {
                ports.put(row.group(1), Integer.parseInt(row.group(2)));
            }
        }
        return ports;
    }

    /** A module's {@code src/main/resources/application.properties}. */
    static Properties applicationProperties(String module) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(path(module + "/src/main/resources/application.properties"))) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }

    /** Every YAML document of a file, with merge keys and anchors resolved. */
    static List<Object> yamlDocuments(Path file) {
        try (Reader reader = Files.newBufferedReader(file)) {
            LoaderOptions options = new LoaderOptions();
            options.setAllowDuplicateKeys(false);
            List<Object> documents = new java.util.ArrayList<>();
            new Yaml(options).loadAll(reader).forEach(doc -> {
                if (doc != null) {
                    documents.add(doc);
                }
            });
            return documents;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> yaml(Path file) {
        List<Object> documents = yamlDocuments(file);
        if (documents.size() != 1) {
            throw new IllegalStateException(file + " holds " + documents.size() + " documents, expected one");
        }
        return (Map<String, Object>) documents.get(0);
    }
}
