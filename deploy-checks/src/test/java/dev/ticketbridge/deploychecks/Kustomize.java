package dev.ticketbridge.deploychecks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Renders a Kustomization without the kustomize binary, for the subset our overlays use: {@code resources} (files
 * and kustomization folders), {@code namespace}, {@code images}, {@code replicas} and {@code patches} (strategic
 * merge, by kind and name or to every object a {@code target} selects). Anything else fails loudly, so the overlays
 * cannot use a feature this renderer would silently ignore.
 */
final class Kustomize {

    private static final Set<String> SUPPORTED = Set.of("apiVersion", "kind", "namespace", "resources", "images",
            "replicas", "patches");
    private static final Set<String> WORKLOADS = Set.of("Deployment", "StatefulSet", "ReplicaSet");
    private static final Set<String> CLUSTER_SCOPED = Set.of("Namespace", "ClusterRole", "ClusterRoleBinding",
            "CustomResourceDefinition");

    private Kustomize() {
    }

    static List<Map<String, Object>> render(Path dir) {
        Map<String, Object> kustomization = Repo.yaml(dir.resolve("kustomization.yaml"));
        for (String field : kustomization.keySet()) {
            if (!SUPPORTED.contains(field)) {
                throw new IllegalArgumentException(dir + ": kustomization field '" + field + "' is not supported");
            }
        }
        List<Map<String, Object>> objects = new ArrayList<>();
        for (String resource : strings(kustomization.get("resources"))) {
            Path path = dir.resolve(resource).normalize();
            if (Files.isDirectory(path)) {
                objects.addAll(render(path));
            } else {
                objects.addAll(documents(path));
            }
        }
        for (Map<String, Object> patch : maps(kustomization.get("patches"))) {
            applyPatch(objects, dir, patch);
        }
        for (Map<String, Object> replica : maps(kustomization.get("replicas"))) {
            List<Map<String, Object>> workloads = objects.stream()
                    .filter(o -> WORKLOADS.contains(o.get("kind")) && replica.get("name").equals(name(o))).toList();
            if (workloads.size() != 1) {
                throw new IllegalArgumentException(workloads.size() + " workloads named " + replica.get("name"));
            }
            spec(workloads.get(0)).put("replicas", replica.get("count"));
        }
        for (Map<String, Object> image : maps(kustomization.get("images"))) {
            retag(objects, image);
        }
        Object namespace = kustomization.get("namespace");
        if (namespace != null) {
            objects.stream().filter(o -> !CLUSTER_SCOPED.contains(o.get("kind")))
                    .forEach(o -> metadata(o).put("namespace", namespace));
        }
        return objects;
    }

    private static void applyPatch(List<Map<String, Object>> objects, Path dir, Map<String, Object> entry) {
        for (Map<String, Object> patch : documents(dir.resolve((String) entry.get("path")))) {
            @SuppressWarnings("unchecked")
            Map<String, Object> target = (Map<String, Object>) entry.get("target");
            if (target == null) {
                Map<String, Object> object = find(objects, (String) patch.get("kind"), name(patch));
                StrategicMerge.merge(object, patch);
                continue;
            }
            List<Map<String, Object>> selected = objects.stream()
                    .filter(o -> target.get("kind") == null || target.get("kind").equals(o.get("kind")))
                    .filter(o -> target.get("name") == null || target.get("name").equals(name(o)))
                    .toList();
            if (selected.isEmpty()) {
                throw new IllegalArgumentException("patch " + entry + " selects nothing");
            }
            for (Map<String, Object> object : selected) {
                Map<String, Object> copy = StrategicMerge.deepCopy(patch);
                metadata(copy).put("name", name(object));
                StrategicMerge.merge(object, copy);
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static void retag(List<Map<String, Object>> objects, Map<String, Object> image) {
        String name = (String) image.get("name");
        boolean used = false;
        for (Map<String, Object> object : objects) {
            Object spec = object.get("spec");
            Object template = spec instanceof Map ? ((Map<String, Object>) spec).get("template") : null;
            if (!(template instanceof Map)) {
                continue;
            }
            Map<String, Object> podSpec = (Map<String, Object>) ((Map<String, Object>) template).get("spec");
            for (Map<String, Object> container : maps(podSpec.get("containers"))) {
                String current = (String) container.get("image");
                String repository = current.contains(":") ? current.substring(0, current.lastIndexOf(':')) : current;
                if (repository.equals(name)) {
                    String tag = image.containsKey("newTag") ? String.valueOf(image.get("newTag"))
                            : current.substring(current.lastIndexOf(':') + 1);
                    container.put("image", image.getOrDefault("newName", name) + ":" + tag);
                    used = true;
                }
            }
        }
        if (!used) {
            throw new IllegalArgumentException("image " + name + " is not used by any container");
        }
    }

    private static Map<String, Object> find(List<Map<String, Object>> objects, String kind, String name) {
        List<Map<String, Object>> found = objects.stream()
                .filter(o -> (kind == null || kind.equals(o.get("kind"))) && name.equals(name(o))).toList();
        if (found.size() != 1) {
            throw new IllegalArgumentException(found.size() + " objects match " + kind + "/" + name);
        }
        return found.get(0);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> documents(Path file) {
        List<Map<String, Object>> documents = new ArrayList<>();
        for (Object document : Repo.yamlDocuments(file)) {
            documents.add((Map<String, Object>) document);
        }
        return documents;
    }

    static String name(Map<String, Object> object) {
        return (String) metadata(object).get("name");
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> metadata(Map<String, Object> object) {
        return (Map<String, Object>) object.computeIfAbsent("metadata", k -> new LinkedHashMap<>());
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> spec(Map<String, Object> object) {
        return (Map<String, Object>) object.computeIfAbsent("spec", k -> new LinkedHashMap<>());
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> maps(Object list) {
        return list == null ? List.of() : (List<Map<String, Object>>) list;
    }

    @SuppressWarnings("unchecked")
    private static List<String> strings(Object list) {
        return list == null ? List.of() : (List<String>) list;
    }
}
