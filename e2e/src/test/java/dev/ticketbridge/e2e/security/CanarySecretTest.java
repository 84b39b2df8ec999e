package dev.ticketbridge.e2e.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ticketbridge.e2e.E2eStack;
import dev.ticketbridge.e2e.Gateway;
import dev.ticketbridge.e2e.Identity;
import dev.ticketbridge.e2e.Journeys;
import dev.ticketbridge.testsupport.connection.OAuthLogin;
import dev.ticketbridge.testsupport.connection.TenantConnector;
import dev.ticketbridge.testsupport.servicenow.ServiceNowEmulator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Test;

/**
 * Secrets never leave connection-service's encrypted columns. A tenant first connects with a canary client secret
 * that ServiceNow refuses (the failure path, where secrets tend to end up in error messages), then goes through a
 * connection's whole life with the real one: connect, check, share, a state change made in ServiceNow, a rename and
 * the removal. Afterwards every process log of the stack, every record of every Kafka topic and every answer the API
 * gave during the scenario are searched for each canary: the client secrets, the authorization codes and the access
 * and refresh tokens ServiceNow issued. None may appear anywhere.
 */
class CanarySecretTest {

    private static final Duration DEADLINE = Journeys.DEADLINE;

    @Test
    void noSecretReachesALogATopicOrAnApiAnswer() throws IOException {
        List<String> answers = Collections.synchronizedList(new ArrayList<>());
        Gateway fabrikam = Gateway.as(Identity.OTHER_TENANT_ADMIN).observedBy(answers::add);
        ServiceNowEmulator emulator = Journeys.emulator();
        Fixtures.removeConnection(fabrikam);
        Map<String, String> canaries = new LinkedHashMap<>();

        // A client secret ServiceNow refuses: the code exchange fails and the connection reports the error.
        String canarySecret = "canary-secret-" + UUID.randomUUID();
        canaries.put("the refused canary client secret", canarySecret);
        OAuthLogin refused = new OAuthLogin(E2eStack.get().emulatorUrl(), ServiceNowEmulator.CLIENT_ID, canarySecret,
                Fixtures.OTHER_SERVICENOW_USER, Fixtures.OTHER_SERVICENOW_PASSWORD, true);
        TenantConnector.Redirect first = Fixtures.consent(Fixtures.setUp(fabrikam, refused), refused);
        canaries.put("the first authorization code", first.code());
        assertThat(Fixtures.callback(fabrikam, first.code(), first.state()).location()).hasValueSatisfying(
                location -> assertThat(location).contains("error="));
        await().atMost(DEADLINE).until(() -> "ERROR".equals(Fixtures.status(fabrikam)));

        // The real secret, through the connection's whole life. The tenant consents as a ServiceNow user of its own,
        // so the grant (and its tokens) belongs to this tenant alone.
        OAuthLogin login = Fixtures.otherServiceNowUser();
        canaries.put("the client secret", login.clientSecret());
        TenantConnector.Redirect second = Fixtures.consent(Fixtures.setUp(fabrikam, login), login);
        canaries.put("the second authorization code", second.code());
        assertThat(Fixtures.callback(fabrikam, second.code(), second.state()).location()).hasValueSatisfying(
                location -> assertThat(location).contains("authorized=true"));
        await().atMost(DEADLINE).until(() -> "CONNECTED".equals(Fixtures.status(fabrikam)));
        issuedTokens(login).forEach(canaries::put);

        JsonNode check = fabrikam.post("/api/v1/connection/check", Map.of()).expect(200).body();
        assertThat(check.path("ok").asBoolean()).as("connection check %s", check).isTrue();
        String share = Journeys.share(fabrikam, "INCIDENT", "Canary scenario " + UUID.randomUUID());
        Journeys.awaitCreated(fabrikam, share);
        String sysId = emulator.records("incident", "correlation_id=" + share).get(0).get("sys_id").toString();
        emulator.setState("incident", sysId, "2");
        await().atMost(DEADLINE).until(() -> "2".equals(
                fabrikam.get("/api/v1/shares/" + share).body().path("state").path("code").asText()));
        fabrikam.put("/api/v1/connection/state-names",
                Map.of("renames", Map.of("incident", Map.of("2", "Canary watch")))).expect(200);
        await().atMost(DEADLINE).until(() -> "Canary watch".equals(
                fabrikam.get("/api/v1/shares/" + share).body().path("state").path("label").asText()));
        fabrikam.get("/api/v1/connection");
        fabrikam.get("/api/v1/connection/state-names");
        fabrikam.get("/api/v1/tickets/summary");
        fabrikam.get("/api/v1/audit?size=100");
        fabrikam.delete("/api/v1/connection").expect(200);
        await().atMost(DEADLINE).until(() -> "NOT_CONNECTED".equals(Fixtures.status(fabrikam)));

        List<String> found = new ArrayList<>();
        int logFiles = searchLogs(canaries, found);
        int records = searchTopics(canaries, found);
        List<String> seen = List.copyOf(answers);
        for (String answer : seen) {
            canaries.forEach((what, canary) -> {
                if (answer.contains(canary)) {
                    found.add(what + " in an API answer: " + Api.Printable.of(answer, 300));
                }
            });
        }
        System.out.printf("canary secrets: %d canaries, searched %d log files, %d Kafka records, %d API answers: "
                + "%d found%n", canaries.size(), logFiles, records, seen.size(), found.size());
        assertThat(records).as("Kafka records read").isPositive();
        assertThat(found).isEmpty();
    }

    /**
     * The access and refresh token ServiceNow issued to this tenant. The emulator hands a user's live grant back to a
     * password grant while its access token is valid, and this tenant's ServiceNow user has no other grant, so these
     * are exactly the tokens connection-service holds.
     */
    private static Map<String, String> issuedTokens(OAuthLogin login) {
        String form = "grant_type=password&client_id=" + encode(login.clientId()) + "&client_secret="
                + encode(login.clientSecret()) + "&username=" + encode(login.userName()) + "&password="
                + encode(login.password());
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create(E2eStack.get().emulatorUrl() + "/oauth_token.do"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as("token response %s", response.body()).isEqualTo(200);
            JsonNode tokens = Gateway.JSON.readTree(response.body());
            return Map.of("the access token", tokens.path("access_token").asText(),
                    "the refresh token", tokens.path("refresh_token").asText());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Every file under the stack's log folder, the emulators' included; returns how many were searched. */
    private static int searchLogs(Map<String, String> canaries, List<String> found) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(E2eStack.get().logs())) {
            files = walk.filter(Files::isRegularFile).toList();
        }
        for (Path file : files) {
            String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
            canaries.forEach((what, canary) -> {
                int at = text.indexOf(canary);
                if (at >= 0) {
                    String around = text.substring(Math.max(0, at - 200), Math.min(text.length(), at + 100));
                    found.add(what + " in " + file.getFileName() + ": " + Api.Printable.of(around, 300));
                }
            });
        }
        return files.size();
    }

    /** Every record of every topic, internal ones included, read from the beginning with a plain consumer. */
    private static int searchTopics(Map<String, String> canaries, List<String> found) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, E2eStack.get().kafkaBootstrapServers());
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_uncommitted");
        int[] records = {0};
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config)) {
            List<TopicPartition> partitions = new ArrayList<>();
            consumer.listTopics(Duration.ofSeconds(30)).forEach((topic, infos) -> infos.forEach(
                    info -> partitions.add(new TopicPartition(topic, info.partition()))));
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            await("every topic read to its end").atMost(DEADLINE).until(() -> {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    records[0]++;
                    StringBuilder text = new StringBuilder(record.topic()).append(' ').append(utf8(record.key()))
                            .append(' ').append(utf8(record.value()));
                    for (Header header : record.headers()) {
                        text.append(' ').append(header.key()).append('=').append(utf8(header.value()));
                    }
                    canaries.forEach((what, canary) -> {
                        if (text.indexOf(canary) >= 0) {
                            found.add(what + " in a record of " + record.topic() + " at offset " + record.offset());
                        }
                    });
                }
                return partitions.stream().allMatch(p -> consumer.position(p) >= end.get(p));
            });
        }
        return records[0];
    }

    private static String utf8(byte[] bytes) {
        return bytes == null ? "" : new String(bytes, StandardCharsets.UTF_8);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
