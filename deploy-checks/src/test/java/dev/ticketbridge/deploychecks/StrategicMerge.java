package dev.ticketbridge.deploychecks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Kubernetes strategic merge patch, the part our overlays need: maps merge key by key, a null value deletes the key,
 * the pod template's lists merge by their patch merge key (containers, env, volumes and volume mounts by
 * {@code name}, container ports by {@code containerPort}), and every other list is replaced, as for custom resources.
 */
final class StrategicMerge {

    private static final Map<String, String> MERGE_KEYS = Map.of(
            "containers", "name", "initContainers", "name", "env", "name", "volumes", "name",
            "volumeMounts", "name", "ports", "containerPort");

    private StrategicMerge() {
    }

    @SuppressWarnings("unchecked")
    static void merge(Map<String, Object> target, Map<String, Object> patch) {
        for (Map.Entry<String, Object> entry : patch.entrySet()) {
            String key = entry.getKey();
            Object value = entry.getValue();
            Object current = target.get(key);
            if (value == null) {
                target.remove(key);
            } else if (value instanceof Map && current instanceof Map) {
                merge((Map<String, Object>) current, (Map<String, Object>) value);
            } else if (value instanceof List && current instanceof List && mergeable(key, (List<?>) current, (List<?>) value)) {
                mergeList((List<Object>) current, (List<Object>) value, MERGE_KEYS.get(key));
            } else {
                target.put(key, deepCopyValue(value));
            }
        }
    }

    private static boolean mergeable(String key, List<?> current, List<?> patch) {
        String mergeKey = MERGE_KEYS.get(key);
        return mergeKey != null
                && current.stream().allMatch(e -> e instanceof Map<?, ?> m && m.containsKey(mergeKey))
                && patch.stream().allMatch(e -> e instanceof Map<?, ?> m && m.containsKey(mergeKey));
    }

    @SuppressWarnings("unchecked")
    private static void mergeList(List<Object> current, List<Object> patch, String mergeKey) {
        for (Object element : patch) {
            Map<String, Object> patchElement = (Map<String, Object>) element;
            Object id = patchElement.get(mergeKey);
            Map<String, Object> existing = (Map<String, Object>) current.stream()
                    .filter(e -> id.equals(((Map<String, Object>) e).get(mergeKey))).findFirst().orElse(null);
            if (existing == null) {
                current.add(deepCopy(patchElement));
            } else {
                merge(existing, patchElement);
            }
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> deepCopy(Map<String, Object> map) {
        return (Map<String, Object>) deepCopyValue(map);
    }

    @SuppressWarnings("unchecked")
    private static Object deepCopyValue(Object value) {
        if (value instanceof Map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            ((Map<String, Object>) value).forEach((k, v) -> copy.put(k, deepCopyValue(v)));
            return copy;
        }
        if (value instanceof List) {
            List<Object> copy = new ArrayList<>();
            ((List<Object>) value).forEach(v -> copy.add(deepCopyValue(v)));
            return copy;
        }
        return value;
    }
}
