package dev.ticketbridge.deploychecks;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** docker-compose.yml as compose reads it (merge keys resolved), with the few accessors the checks need. */
final class ComposeFile {

    private final Map<String, Object> file = Repo.yaml(Repo.path("docker-compose.yml"));

    @SuppressWarnings("unchecked")
    Map<String, Map<String, Object>> services() {
        return (Map<String, Map<String, Object>>) file.get("services");
    }

    Map<String, Object> service(String name) {
        Map<String, Object> service = services().get(name);
        if (service == null) {
            throw new AssertionError("docker-compose.yml has no service " + name);
        }
        return service;
    }

    /** Runs once and exits (topic creation): no healthcheck, not restarted, waited for by completion. */
    boolean isOneShot(String name) {
        return "no".equals(String.valueOf(service(name).get("restart")));
    }

    @SuppressWarnings("unchecked")
    Map<String, String> environment(String name) {
        Map<String, String> env = new LinkedHashMap<>();
        Object raw = service(name).get("environment");
        if (raw instanceof Map<?, ?> map) {
            map.forEach((k, v) -> env.put(String.valueOf(k), String.valueOf(v)));
        } else if (raw instanceof List<?> list) {
            list.forEach(item -> {
                String[] pair = String.valueOf(item).split("=", 2);
                env.put(pair[0], pair.length > 1 ? pair[1] : "");
            });
        }
        return env;
    }

    @SuppressWarnings("unchecked")
    Map<String, Map<String, Object>> dependsOn(String name) {
        Object raw = service(name).getOrDefault("depends_on", Map.of());
        if (raw instanceof List) {
            throw new AssertionError(name + ": depends_on is a list, so it waits for nothing but the start");
        }
        return (Map<String, Map<String, Object>>) raw;
    }

    /** The published container ports ("host:container"). */
    @SuppressWarnings("unchecked")
    List<String> ports(String name) {
        return ((List<Object>) service(name).getOrDefault("ports", List.of())).stream().map(String::valueOf).toList();
    }

    /** Names of the secrets a service mounts, and where (/run/secrets/target). */
    @SuppressWarnings("unchecked")
    Map<String, String> secretMounts(String name) {
        Map<String, String> mounts = new LinkedHashMap<>();
        for (Object secret : (List<Object>) service(name).getOrDefault("secrets", List.of())) {
            if (secret instanceof Map<?, ?> longForm) {
                Object target = longForm.get("target");
                String source = String.valueOf(longForm.get("source"));
                mounts.put(source, "/run/secrets/" + (target != null ? target : source));
            } else {
                mounts.put(String.valueOf(secret), "/run/secrets/" + secret);
            }
        }
        return mounts;
    }

    @SuppressWarnings("unchecked")
    Map<String, Map<String, Object>> topLevel(String section) {
        return (Map<String, Map<String, Object>>) file.getOrDefault(section, Map.of());
    }

    /**
     * The environment as the container sees it for a config check: {@code ${VAR...}} interpolations become a
     * stand-in value (compose fails at start when a required one is unset).
     */
    Map<String, String> resolvedEnvironment(String name) {
        Map<String, String> env = new LinkedHashMap<>();
        environment(name).forEach((k, v) -> env.put(k, v.replaceAll("\\$\\{[^}]+}", "from-env-file")));
        return env;
    }
}
