package dev.ticketbridge.deploychecks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the members of a {@code @ConfigMapping} interface from its source text (nested interfaces included). */
final class ConfigMappingSource {

    private static final Pattern PREFIX = Pattern.compile("@ConfigMapping\\s*\\(\\s*prefix\\s*=\\s*\"([^\"]+)\"");
    private static final Pattern NESTED = Pattern.compile("\\b(interface|enum)\\s+(\\w+)[^{]*\\{");
    private static final Pattern MEMBER = Pattern.compile(
            "((?:@\\w+(?:\\s*\\([^)]*\\))?\\s+)*)([\\w.<>, ?\\[\\]]+?)\\s+(\\w+)\\s*\\(\\s*\\)\\s*;");
    private static final Pattern WITH_NAME = Pattern.compile("@WithName\\s*\\(\\s*\"([^\"]+)\"");

    private ConfigMappingSource() {
    }

    static List<String> requiredKeys(String source) {
        Matcher prefix = PREFIX.matcher(source);
        if (!prefix.find()) {
            return List.of();
        }
        String code = source.replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("(?m)^\\s*//[^\n]*", "");
        int start = code.indexOf('{', code.indexOf("interface", code.indexOf("@ConfigMapping")));
        Map<String, String> nested = new LinkedHashMap<>();
        String top = topLevel(code.substring(start + 1, matching(code, start)), nested);
        List<String> keys = new ArrayList<>();
        collect(top, prefix.group(1), nested, keys);
        return keys;
    }

    private static void collect(String body, String prefix, Map<String, String> nested, List<String> keys) {
        Matcher member = MEMBER.matcher(body);
        while (member.find()) {
            String annotations = member.group(1);
            String type = member.group(2).trim();
            Matcher withName = WITH_NAME.matcher(annotations);
            String name = withName.find() ? withName.group(1) : kebab(member.group(3));
            String key = annotations.contains("@WithParentName") ? prefix : prefix + "." + name;
            if (nested.containsKey(type) && !nested.get(type).startsWith("enum:")) {
                collect(nested.get(type), key, nested, keys);
            } else if (!annotations.contains("@WithDefault") && !type.matches("(Optional|Map|List|Set)\\b.*")) {
                keys.add(key);
            }
        }
    }

    /** The body without nested type declarations, which go into {@code nested} by simple name. */
    private static String topLevel(String body, Map<String, String> nested) {
        StringBuilder rest = new StringBuilder();
        int from = 0;
        Matcher declaration = NESTED.matcher(body);
        while (declaration.find(from)) {
            int open = declaration.end() - 1;
            int close = matching(body, open);
            String inner = body.substring(open + 1, close);
            nested.put(declaration.group(2), declaration.group(1).equals("enum") ? "enum:" : topLevel(inner, nested));
            rest.append(body, from, declaration.start());
            from = close + 1;
        }
        return rest.append(body.substring(from)).toString();
    }

    private static int matching(String text, int open) {
        int depth = 0;
        for (int i = open; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '{') {
                depth++;
            } else if (c == '}' && --depth == 0) {
                return i;
            }
        }
        throw new IllegalArgumentException("unbalanced braces");
    }

    static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase();
    }
}
