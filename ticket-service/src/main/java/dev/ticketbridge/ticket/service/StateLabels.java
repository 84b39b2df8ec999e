package dev.ticketbridge.ticket.service;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.ticketbridge.contracts.kafka.EventCodec;
import dev.ticketbridge.ticket.StandardStateLabels;
import dev.ticketbridge.ticket.persistence.TenantConnection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.util.Map;

/** The label a tenant sees for a state: from its latest ConnectionChanged, else ServiceNow's standard label. */
@ApplicationScoped
public class StateLabels {

    private static final TypeReference<Map<String, Map<String, String>>> NAMES = new TypeReference<>() {
    };

    @Transactional(Transactional.TxType.MANDATORY)
    public String labelFor(String tenantId, String table, String code) {
        TenantConnection connection = TenantConnection.findById(tenantId);
        String custom = connection == null ? null : read(connection.stateNames).getOrDefault(table, Map.of()).get(code);
        return custom != null ? custom : StandardStateLabels.of(table, code);
    }

    static Map<String, Map<String, String>> read(String json) {
        try {
            return json == null ? Map.of() : EventCodec.mapper().readValue(json, NAMES);
        } catch (IOException e) {
            return Map.of();
        }
    }
}
