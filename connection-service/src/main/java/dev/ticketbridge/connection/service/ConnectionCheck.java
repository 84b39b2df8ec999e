package dev.ticketbridge.connection.service;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ticketbridge.connection.CheckItem;
import dev.ticketbridge.connection.CheckReport;
import dev.ticketbridge.connection.InstanceUrl;
import dev.ticketbridge.connection.StateLabels;
import dev.ticketbridge.connection.client.InstanceResponse;
import dev.ticketbridge.connection.client.ServiceNowInstance;
import dev.ticketbridge.connection.persistence.TenantConnection;
import dev.ticketbridge.platform.problem.ProblemException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The provisioning page's connection check, item by item, as the integration user: token valid; the instance
 * answers with data; read and create allowed on incident and change_request; sys_choice readable; the Application
 * Registry readable; the state labels. Create rights are probed without creating anything: an insert that reuses the
 * sys_id of a record just read passes the table's create ACL and is then refused as a duplicate, while a missing
 * create right is refused by the ACL first.
 */
@ApplicationScoped
public class ConnectionCheck {

    private static final List<String> TABLES = List.of(StateLabels.INCIDENT, StateLabels.CHANGE_REQUEST);

    private final TokenService tokens;
    private final ServiceNowInstance instance;
    private final InstanceLabelsReader labelsReader;
    private final InstanceUrlPolicy urls;
    private final ConnectionEvents events;

    public ConnectionCheck(TokenService tokens, ServiceNowInstance instance, InstanceLabelsReader labelsReader,
            InstanceUrlPolicy urls, ConnectionEvents events) {
        this.tokens = tokens;
        this.instance = instance;
        this.labelsReader = labelsReader;
        this.urls = urls;
        this.events = events;
    }

    public CheckReport check(String tenantId) {
        List<CheckItem> items = new ArrayList<>();
        TokenService.IssuedToken token;
        try {
            token = tokens.validToken(tenantId);
            items.add(CheckItem.passed("token", "A valid access token until " + token.expiresAt()));
        } catch (ProblemException e) {
            if (e.toProblem().status() == 404) {
                throw e;
            }
            items.add(CheckItem.failed("token", e.getMessage(), "Authorize again as the ServiceNow integration user."));
            return report(tenantId, items, null);
        }
        InstanceUrl url = new InstanceUrl(token.instanceUrl());
        urls.checkBeforeCall(url);
        Map<String, String> firstSysIds = new LinkedHashMap<>();
        for (String table : TABLES) {
            InstanceResponse read = instance.get(url, "/api/now/table/" + table + "?sysparm_limit=1&sysparm_fields=sys_id",
                    token.accessToken());
            if (blocksEverything(read)) {
                items.add(CheckItem.failed("instance", describe(read), Guidance.forApiAnswer(read)));
                return report(tenantId, items, null);
            }
            items.add(readItem(table, read));
            if (read.isJsonSuccess()) {
                JsonNode first = read.json().orElseThrow().path("result").path(0);
                if (first.hasNonNull("sys_id")) {
                    firstSysIds.put(table, first.path("sys_id").asText());
                }
            }
        }
        for (String table : TABLES) {
            items.add(createItem(url, token.accessToken(), table, firstSysIds.get(table)));
        }
        Map<String, Map<String, String>> instanceLabels = new LinkedHashMap<>();
        for (String table : TABLES) {
            InstanceLabelsReader.TableLabels labels = labelsReader.read(url, token.accessToken(), table);
            items.add(choiceItem(labels));
            if (!labels.labels().isEmpty()) {
                instanceLabels.put(table, labels.labels());
            }
        }
        items.add(registryItem(url, token.accessToken(), tenantId));
        Map<String, Map<String, String>> effective = rememberLabels(tenantId, instanceLabels);
        items.add(CheckItem.passed("state-labels", "Labels in use: " + effective));
        return report(tenantId, items, effective);
    }

    private static boolean blocksEverything(InstanceResponse response) {
        return response.isHtml() || Objects.equals(Guidance.forApiAnswer(response), Guidance.IP_BLOCKED);
    }

    private static CheckItem readItem(String table, InstanceResponse read) {
        String item = table + ".read";
        return read.isJsonSuccess() ? CheckItem.passed(item, "Records of " + table + " can be read")
                : CheckItem.failed(item, describe(read), Guidance.forApiAnswer(read));
    }

    private CheckItem createItem(InstanceUrl url, String accessToken, String table, String existingSysId) {
        String item = table + ".create";
        if (existingSysId == null) {
            return CheckItem.passed(item, "Not verified: " + table + " has no record to probe with, and the check "
                    + "never creates one");
        }
        InstanceResponse probe = instance.post(url, "/api/now/table/" + table + "?sysparm_fields=sys_id",
                accessToken, "{\"sys_id\":\"" + existingSysId + "\"}");
        String text = probe.errorText().toLowerCase(Locale.ROOT);
        if (probe.status() == 403 && text.contains("acl")) {
            return CheckItem.failed(item, describe(probe), Guidance.MISSING_ROLES);
        }
        if (probe.status() / 100 == 2) {
            return CheckItem.passed(item, "Records of " + table + " can be created");
        }
        if ((probe.status() == 403 || probe.status() == 400 || probe.status() == 409) && text.contains("exist")) {
            return CheckItem.passed(item, "Records of " + table + " can be created (probe refused only as a duplicate)");
        }
        return CheckItem.failed(item, describe(probe), Guidance.forApiAnswer(probe));
    }

    private static CheckItem choiceItem(InstanceLabelsReader.TableLabels labels) {
        String item = "sys_choice." + labels.table();
        if (labels.response().isJsonSuccess() && !labels.labels().isEmpty()) {
            return CheckItem.passed(item, "The instance's state labels of " + labels.table() + " were read");
        }
        if (labels.response().isJsonSuccess()) {
            return CheckItem.passed(item, "sys_choice holds no state labels of " + labels.table()
                    + "; ServiceNow's standard labels are used");
        }
        String guidance = Guidance.forApiAnswer(labels.response());
        return CheckItem.failed(item, describe(labels.response()), guidance != null ? guidance
                : "Grant the integration user read access to sys_choice; standard labels are used meanwhile.");
    }

    private CheckItem registryItem(InstanceUrl url, String accessToken, String tenantId) {
        String clientId = QuarkusTransaction.requiringNew().call(() -> ConnectionService.existing(tenantId).clientId);
        InstanceResponse response = instance.get(url, "/api/now/table/oauth_entity?sysparm_limit=1&sysparm_fields=name"
                + "&sysparm_query=" + URLEncoder.encode("client_id=" + clientId, StandardCharsets.UTF_8), accessToken);
        if (Objects.equals(Guidance.forApiAnswer(response), Guidance.CROSS_SCOPE)) {
            return CheckItem.failed("oauth_entity", describe(response), Guidance.CROSS_SCOPE);
        }
        return CheckItem.passed("oauth_entity", "The Application Registry is not blocked by a cross-scope policy");
    }

    private Map<String, Map<String, String>> rememberLabels(String tenantId, Map<String, Map<String, String>> labels) {
        return QuarkusTransaction.requiringNew().call(() -> {
            TenantConnection connection = TenantConnection.lockedOfTenant(tenantId)
                    .orElseThrow(() -> ConnectionService.noConnection(tenantId));
            String json = LabelsJson.write(labels);
            if (json != null && !json.equals(connection.instanceLabels)) {
                connection.instanceLabels = json;
                connection.updatedAt = Instant.now();
                events.changed(connection);
            }
            return ConnectionEvents.effectiveLabels(connection);
        });
    }

    private static String describe(InstanceResponse response) {
        return response.isHtml() ? "HTTP " + response.status() + " with an HTML page instead of JSON"
                : "HTTP " + response.status() + ": " + response.errorText();
    }

    private static CheckReport report(String tenantId, List<CheckItem> items, Map<String, Map<String, String>> labels) {
        return new CheckReport(tenantId, items.stream().allMatch(CheckItem::ok), Instant.now(), items,
                labels == null ? Map.of() : labels);
    }
}
