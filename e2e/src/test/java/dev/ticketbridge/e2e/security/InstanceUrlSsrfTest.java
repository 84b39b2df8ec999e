package dev.ticketbridge.e2e.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ticketbridge.e2e.E2eStack;
import dev.ticketbridge.e2e.Gateway;
import dev.ticketbridge.e2e.Identity;
import dev.ticketbridge.e2e.Journeys;
import dev.ticketbridge.testsupport.servicenow.ServiceNowEmulator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Server-side request forgery through the instance URL: every address that is not a public ServiceNow instance (or
 * the one origin the stack allows, the emulator) is refused by {@code PUT /api/v1/connection} with a 400 problem
 * naming the field {@code instance}. Nothing is stored (the tenant's connection stays as it was) and nothing is
 * called: a listener on a loopback port named in the payloads sees no connection, and the emulator's OAuth
 * endpoints see no request.
 */
class InstanceUrlSsrfTest {

    @Test
    void everyInternalOrForeignInstanceIsRefusedBeforeAnythingIsStoredOrCalled() throws IOException {
        Gateway fabrikam = Gateway.as(Identity.OTHER_TENANT_ADMIN);
        String token = Identity.tokenFor(Identity.OTHER_TENANT_ADMIN);
        ServiceNowEmulator emulator = Journeys.emulator();
        // A known starting point: a connection waiting for authorization (no tokens a replacement would revoke).
        Fixtures.setUp(fabrikam, Fixtures.otherServiceNowUser());
        JsonNode before = Fixtures.connection(fabrikam);
        long oauthCallsBefore = emulator.requestCount(null, "/oauth");

        List<String> accepted = new ArrayList<>();
        List<String> payloads;
        try (Listener listener = Listener.open()) {
            payloads = payloads(listener.port(), URI.create(E2eStack.get().emulatorUrl()).getPort());
            for (String instance : payloads) {
                Api.Call call = Api.Call.of("PUT", "/api/v1/connection", token).withBody("application/json",
                        TenantIsolationTest.json(Map.of("instance", instance, "clientId", ServiceNowEmulator.CLIENT_ID,
                                "clientSecret", "ssrf-probe-secret")));
                Api.Response answer = Api.send(call);
                if (answer.status() != 400 || !answer.isProblem() || !namesInstance(answer.json())) {
                    accepted.add(Api.Printable.of(instance, 120) + " answered " + answer);
                }
                JsonNode now = Fixtures.connection(fabrikam);
                if (!now.equals(before)) {
                    accepted.add(Api.Printable.of(instance, 120) + " changed the stored connection to " + now);
                    before = now;
                }
            }
            System.out.printf("instance URL SSRF: %d payloads, %d accepted, %d connections to the loopback listener%n",
                    payloads.size(), accepted.size(), listener.connections());
            assertThat(listener.connections()).as("connections to the loopback listener").isZero();
        }
        assertThat(accepted).isEmpty();
        assertThat(emulator.requestCount(null, "/oauth")).as("OAuth calls to the emulator").isEqualTo(oauthCallsBefore);
    }

    /** A refusal names the field: in {@code errors} or at the start of {@code detail}. */
    private static boolean namesInstance(JsonNode problem) {
        for (JsonNode error : problem.path("errors")) {
            if ("instance".equals(error.path("field").asText())) {
                return true;
            }
        }
        return problem.path("detail").asText().startsWith("instance");
    }

    private static List<String> payloads(int listenerPort, int emulatorPort) {
        List<String> payloads = new ArrayList<>(List.of(
                // loopback, in every spelling
                "https://127.0.0.1", "https://localhost", "https://[::1]", "https://0x7f000001", "https://2130706433",
                "https://127.1", "https://0177.0.0.1", "https://0.0.0.0", "https://[::ffff:127.0.0.1]",
                "https://[0:0:0:0:0:0:0:1]", "https://localhost.", "https://LOCALHOST",
                // cloud metadata
                "https://169.254.169.254", "http://169.254.169.254/latest/meta-data/",
                "https://metadata.google.internal",
                "https://metadata", "https://[fd00:ec2::254]",
                // private ranges and other IP literals
                "https://10.0.0.1", "https://10.255.255.255", "https://172.16.0.1", "https://172.31.255.254",
                "https://192.168.1.1", "https://[fc00::1]", "https://[fe80::1]", "https://100.64.0.1",
                "https://8.8.8.8",
                "https://1.1.1.1:443",
                // scheme and port
                "http://contoso.service-now.com", "ftp://contoso.service-now.com", "file:///etc/passwd",
                "gopher://contoso.service-now.com", "javascript:alert(1)", "//contoso.service-now.com",
                "https://contoso.service-now.com:8080", "https://contoso.service-now.com:22",
                "https://contoso.service-now.com:0", "https://contoso.service-now.com:99999",
                // user info
                "https://evil.com@contoso.service-now.com", "https://contoso.service-now.com@evil.com",
                "https://user:pass@contoso.service-now.com", "https://contoso.service-now.com:443@evil.com",
                "https://contoso.service-now.com%40evil.com",
                // look-alike hosts
                "https://contoso.service-now.com.evil.com", "https://service-now.com", "https://.service-now.com",
                "https://contoso.service-now.co", "https://contoso-service-now.com", "https://contososervice-now.com",
                "https://contoso.service-now.com.", "https://contoso..service-now.com",
                "https://-contoso.service-now.com", "https://contoso_x.service-now.com",
                // backslashes
                "https://evil.com\\@contoso.service-now.com", "https://contoso.service-now.com\\.evil.com",
                "https:\\\\contoso.service-now.com", "https://evil.com\\contoso.service-now.com",
                "https://contoso.service-now.com\\@evil.com",
                // unicode dots and look-alike characters
                "https://contoso.service-now\u3002com", "https://contoso\uff0eservice-now\uff0ecom",
                "https://contoso.service-now\uff61com", "https://contoso\u2024service-now.com",
                "https://cont\u043eso.service-now.com", "https://contoso.service-now.com\u3002evil.com",
                // encoded characters, control characters and whitespace
                "https://contoso.service-now.com%2f@evil.com", "https://%31%32%37.0.0.1",
                "https://contoso.service-now.com%00.evil.com", "https://contoso.service-now.com\u0000.evil.com",
                "https://contoso.service-now.com\n.evil.com", "https://contoso.service-now.com\t.evil.com",
                "https://contoso .service-now.com", "https://contoso.service-now.com\r\nHost: evil.com",
                // fragments, paths and queries
                "https://contoso.service-now.com#@evil.com", "https://contoso.service-now.com#fragment",
                "https://contoso.service-now.com/path", "https://contoso.service-now.com/../../etc/passwd",
                "https://contoso.service-now.com?redirect=https://evil.com", "https://contoso.service-now.com/?",
                "https://contoso.service-now.com/oauth_token.do",
                // too long
                "https://" + "a".repeat(64) + ".service-now.com", "https://" + "a.".repeat(130) + "service-now.com",
                "https://contoso.service-now.com/" + "x".repeat(300), "x".repeat(300),
                // bare values that are not instance names
                "contoso.evil.com", "127.0.0.1", "-contoso", "contoso_x", "con toso", "contoso/../evil"));
        // a loopback port that listens, in every form that could reach it
        for (String host : List.of("127.0.0.1", "localhost", "[::1]", "0.0.0.0", "127.1", "2130706433", "0x7f000001")) {
            payloads.add("http://" + host + ":" + listenerPort);
            payloads.add("https://" + host + ":" + listenerPort);
        }
        // the one origin the stack allows, dressed up
        String emulator = "127.0.0.1:" + emulatorPort;
        payloads.addAll(List.of("http://" + emulator + "/path", "http://" + emulator + "?q=1",
                "http://" + emulator + "#fragment", "http://user@" + emulator, "http://" + emulator + "@evil.com",
                "http://localhost:" + emulatorPort, "https://" + emulator, "http://" + emulator + "/oauth_token.do"));
        return payloads;
    }

    /** A TCP listener on a free port of every local address, counting the connections made to it. */
    private static final class Listener implements AutoCloseable {

        private final ServerSocket socket;
        private final AtomicInteger connections = new AtomicInteger();

        private Listener(ServerSocket socket) {
            this.socket = socket;
            Thread accepting = new Thread(this::accept, "ssrf-listener");
            accepting.setDaemon(true);
            accepting.start();
        }

        static Listener open() {
            try {
                return new Listener(new ServerSocket(0));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        int port() {
            return socket.getLocalPort();
        }

        int connections() {
            return connections.get();
        }

        private void accept() {
            while (!socket.isClosed()) {
                try (Socket accepted = socket.accept()) {
                    connections.incrementAndGet();
                } catch (IOException e) {
                    return;
                }
            }
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
