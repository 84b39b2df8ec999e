package dev.ticketbridge.connection.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;

/** Stores label maps (table → code → label) as JSON text. */
final class LabelsJson {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<LinkedHashMap<String, LinkedHashMap<String, String>>> TYPE = new TypeReference<>() {
    };

    private LabelsJson() {
    }

    static String write(Map<String, ? extends Map<String, String>> labels) {
        try {
            return labels == null || labels.isEmpty() ? null : JSON.writeValueAsString(labels);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not store state labels", e);
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Map<String, String>> read(String json) {
        try {
            return json == null ? Map.of() : (Map<String, Map<String, String>>) (Map<String, ?>) JSON.readValue(json, TYPE);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored state labels are not readable", e);
        }
    }
}
