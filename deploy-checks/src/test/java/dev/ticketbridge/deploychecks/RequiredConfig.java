package dev.ticketbridge.deploychecks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import io.smallrye.config.EnvConfigSource;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;

/**
 * What a service cannot start without in the prod profile, checked the way Quarkus reads it: SmallRye Config over
 * the service's application.properties and a given environment. Required are (1) every property whose {@code ${...}}
 * expression has no default, (2) every infrastructure address whose default points at this machine (a container
 * would silently talk to itself) and (3) every {@code @ConfigMapping} member of the service and platform without
 * {@code @WithDefault} that is not Optional, a Map or a List, and (4) the map entries listed in
 * {@link #SELECTED_ENTRIES}.
 */
final class RequiredConfig {

    /**
     * (4) Map entries another property selects: connection-service encrypts with the key its active key id names,
     * and only finds out when it first encrypts (a connection set up answers 500).
     */
    private static final Map<String, Map<String, String>> SELECTED_ENTRIES = Map.of("connection-service",
            Map.of("ticketbridge.connection.encryption.active-key-id", "ticketbridge.connection.encryption.keys."));

    private static final Pattern LOCAL_DEFAULT = Pattern.compile("\\$\\{[A-Z_]+:[^}]*(localhost|127\\.0\\.0\\.1)");

    private RequiredConfig() {
    }

    /** The problems of a service run with this environment, empty when it has everything it needs. */
    static List<String> missing(String module, Map<String, String> env) {
        Properties properties = Repo.applicationProperties(module);
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .withProfile("prod")
                .withSources(new PropertiesConfigSource(toMap(properties), "application.properties", 250))
                .withSources(new EnvConfigSource(env, 300))
                .build();
        List<String> problems = new ArrayList<>();
        for (String key : activeKeys(properties)) {
            try {
                config.getOptionalValue(key, String.class);
            } catch (NoSuchElementException e) {
                problems.add(module + ": " + key + " cannot be resolved (" + e.getMessage() + ")");
            }
            String raw = properties.getProperty("%prod." + key, properties.getProperty(key));
            Matcher local = LOCAL_DEFAULT.matcher(raw);
            if (local.find()) {
                String variable = raw.substring(raw.indexOf("${") + 2, raw.indexOf(':', raw.indexOf("${")));
                if (!env.containsKey(variable)) {
                    problems.add(module + ": " + variable + " not set, " + key + " would use " + raw);
                }
            }
        }
        for (String key : mappingKeysWithoutDefault(module)) {
            if (config.getOptionalValue(key, String.class).isEmpty()) {
                problems.add(module + ": @ConfigMapping key " + key + " has no default and is not set");
            }
        }
        SELECTED_ENTRIES.getOrDefault(module, Map.of()).forEach((selector, mapPrefix) ->
                config.getOptionalValue(selector, String.class).ifPresent(id -> {
                    if (config.getOptionalValue(mapPrefix + id, String.class).isEmpty()) {
                        problems.add(module + ": " + selector + " is '" + id + "' but " + mapPrefix + id
                                + " is not set");
                    }
                }));
        return problems;
    }

    private static Set<String> activeKeys(Properties properties) {
        Set<String> keys = new TreeSet<>();
        for (String name : properties.stringPropertyNames()) {
            if (name.startsWith("%prod.")) {
                keys.add(name.substring("%prod.".length()));
            } else if (!name.startsWith("%")) {
                keys.add(name);
            }
        }
        return keys;
    }

    /** Keys of the service's and platform's {@code @ConfigMapping} interfaces that have no default. */
    static Set<String> mappingKeysWithoutDefault(String module) {
        Set<String> keys = new TreeSet<>();
        for (String dir : List.of(module + "/src/main/java", "platform/src/main/java")) {
            Path sources = Repo.path(dir);
            if (!Files.isDirectory(sources)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(sources)) {
                files.filter(f -> f.toString().endsWith(".java")).forEach(f -> keys.addAll(ConfigMappingSource.requiredKeys(read(f))));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return keys;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, String> toMap(Properties properties) {
        Map<String, String> map = new java.util.HashMap<>();
        properties.stringPropertyNames().forEach(name -> map.put(name, properties.getProperty(name)));
        return map;
    }
}
