package dev.ticketbridge.connection.service;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ticketbridge.connection.InstanceUrl;
import dev.ticketbridge.connection.StateLabels;
import dev.ticketbridge.connection.client.InstanceResponse;
import dev.ticketbridge.connection.client.ServiceNowInstance;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads the state labels of both ticket tables from the instance's {@code sys_choice}. */
@ApplicationScoped
public class InstanceLabelsReader {

    private final ServiceNowInstance instance;

    public InstanceLabelsReader(ServiceNowInstance instance) {
        this.instance = instance;
    }

    /** The answer of one table's sys_choice read, with the labels found (possibly none). */
    public record TableLabels(String table, InstanceResponse response, Map<String, String> labels) {
    }

    public TableLabels read(InstanceUrl url, String accessToken, String table) {
        InstanceResponse response = instance.get(url, "/api/now/table/sys_choice?sysparm_query=name%3D" + table
                + "%5Eelement%3Dstate%5Elanguage%3Den%5Einactive%3Dfalse&sysparm_fields=value,label,sequence", accessToken);
        Map<String, String> labels = new LinkedHashMap<>();
        if (response.isJsonSuccess()) {
            for (JsonNode row : response.json().orElseThrow().path("result")) {
                labels.put(row.path("value").asText(), row.path("label").asText());
            }
        }
        return new TableLabels(table, response, labels);
    }

    /** Both tables' labels where readable; tables that could not be read are left out. */
    public Map<String, Map<String, String>> readAll(InstanceUrl url, String accessToken) {
        Map<String, Map<String, String>> all = new LinkedHashMap<>();
        for (String table : List.of(StateLabels.INCIDENT, StateLabels.CHANGE_REQUEST)) {
            try {
                TableLabels labels = read(url, accessToken, table);
                if (!labels.labels().isEmpty()) {
                    all.put(table, labels.labels());
                }
            } catch (RuntimeException e) {
                return all;
            }
        }
        return all;
    }
}
