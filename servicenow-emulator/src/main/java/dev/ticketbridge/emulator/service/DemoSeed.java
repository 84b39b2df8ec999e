package dev.ticketbridge.emulator.service;

import dev.ticketbridge.emulator.TableSchema;
import dev.ticketbridge.emulator.Tables;
import dev.ticketbridge.emulator.config.EmulatorConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The documented demo data every fresh or reset emulator starts with: three users, one assignment group, the
 * choice lists of both ticket tables and the OAuth application. Credentials are demo values named in the README.
 */
@ApplicationScoped
public class DemoSeed {

    public static final String INTEGRATION_USER = "ticketbridge.integration";
    public static final String INTEGRATION_PASSWORD = "Integration-Demo-1";
    public static final String ORDINARY_USER = "abel.tuter";
    public static final String ORDINARY_PASSWORD = "Abel-Demo-1";
    public static final String AGENT_USER = "beth.anglin";
    public static final String AGENT_PASSWORD = "Beth-Demo-1";
    private static final String SYSTEM = "system";

    private final TableService tables;
    private final UserDirectory users;
    private final EmulatorConfig config;

    public DemoSeed(TableService tables, UserDirectory users, EmulatorConfig config) {
        this.tables = tables;
        this.users = users;
        this.config = config;
    }

    public void seed() {
        user(INTEGRATION_USER, INTEGRATION_PASSWORD, "Ticketbridge", "Integration");
        user(ORDINARY_USER, ORDINARY_PASSWORD, "Abel", "Tuter");
        user(AGENT_USER, AGENT_PASSWORD, "Beth", "Anglin");
        tables.create(Tables.SYS_USER_GROUP, Map.of("name", "Security Operations",
                "description", "Handles Microsoft 365 security and configuration changes"), SYSTEM);
        choices(Tables.require(Tables.INCIDENT));
        choices(Tables.require(Tables.CHANGE_REQUEST));
        tables.create(Tables.OAUTH_ENTITY, Map.of("name", "Ticketbridge demo", "client_id",
                config.oauth().clientId(), "redirect_url", String.join(",", config.oauth().redirectUrls()
                        .orElse(List.of())), "active", "true", "type", "client",
                "access_token_lifespan", Long.toString(config.oauth().accessTokenLifespan().toSeconds()),
                "refresh_token_lifespan", Long.toString(config.oauth().refreshTokenLifespan().toSeconds())), SYSTEM);
    }

    private void user(String userName, String password, String first, String last) {
        var record = tables.create(Tables.SYS_USER, Map.of("user_name", userName, "first_name", first,
                "last_name", last, "name", first + " " + last,
                "email", userName + "@example.com"), SYSTEM);
        users.register(userName, record.sysId(), password);
    }

    private void choices(TableSchema schema) {
        schema.choices().forEach((element, labels) -> {
            int sequence = 0;
            for (var choice : labels.entrySet()) {
                Map<String, String> row = new LinkedHashMap<>();
                row.put("name", schema.name());
                row.put("element", element);
                row.put("value", choice.getKey());
                row.put("label", choice.getValue());
                row.put("sequence", Integer.toString(sequence++));
                tables.create(Tables.SYS_CHOICE, row, SYSTEM);
            }
        });
    }
}
