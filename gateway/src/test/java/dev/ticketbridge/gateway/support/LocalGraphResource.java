package dev.ticketbridge.gateway.support;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Stands in for Microsoft Graph and the Entra ID token endpoint on a free local port: the shipped sample catalog
 * split into two pages linked by {@code @odata.nextLink}, served only with the token the client-credentials grant gave.
 */
public class LocalGraphResource implements QuarkusTestResourceLifecycleManager {

    public static final AtomicInteger TOKEN_REQUESTS = new AtomicInteger();
    public static final AtomicInteger PAGE_REQUESTS = new AtomicInteger();
    private static final String TOKEN = "graph-app-token";
    private HttpServer server;

    @Override
    public Map<String, String> start() {
        try {
            ObjectMapper mapper = new ObjectMapper();
            ObjectNode sample;
            try (InputStream in = getClass().getClassLoader()
                    .getResourceAsStream("catalog/secure-score-control-profiles.json")) {
                sample = (ObjectNode) mapper.readTree(in);
            }
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            String base = "http://127.0.0.1:" + server.getAddress().getPort();
            ArrayNode all = (ArrayNode) sample.get("value");
            byte[] page1 = page(mapper, all, 0, 120, base + "/v1.0/security/secureScoreControlProfiles?$skiptoken=p2");
            byte[] page2 = page(mapper, all, 120, all.size(), null);
            server.createContext("/", exchange -> serve(exchange, page1, page2));
            server.start();
            return Map.of("ticketbridge.catalog.source", "graph",
                    "ticketbridge.catalog.graph.base-url", base,
                    "ticketbridge.catalog.graph.token-url", base + "/{tenantId}/oauth2/v2.0/token",
                    "ticketbridge.catalog.graph.client-id", "gateway-app",
                    "ticketbridge.catalog.graph.client-secret", "gateway-secret");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] page(ObjectMapper mapper, ArrayNode all, int from, int to, String next) throws IOException {
        ObjectNode page = mapper.createObjectNode();
        ArrayNode value = page.putArray("value");
        for (int i = from; i < to; i++) {
            value.add(all.get(i));
        }
        if (next != null) {
            page.put("@odata.nextLink", next);
        }
        return mapper.writeValueAsBytes(page);
    }

    private static void serve(HttpExchange exchange, byte[] page1, byte[] page2) throws IOException {
        String path = exchange.getRequestURI().getPath();
        if ("POST".equals(exchange.getRequestMethod()) && path.endsWith("/oauth2/v2.0/token")) {
            TOKEN_REQUESTS.incrementAndGet();
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            boolean clientCredentials = body.contains("grant_type=client_credentials");
            respond(exchange, clientCredentials ? 200 : 400, ("{\"access_token\":\"" + TOKEN
                    + "\",\"token_type\":\"Bearer\",\"expires_in\":3600}").getBytes(StandardCharsets.UTF_8));
        } else if (path.equals("/v1.0/security/secureScoreControlProfiles")) {
            if (!("Bearer " + TOKEN).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                respond(exchange, 401, "{}".getBytes(StandardCharsets.UTF_8));
                return;
            }
            PAGE_REQUESTS.incrementAndGet();
            String query = exchange.getRequestURI().getRawQuery();
            respond(exchange, 200, query != null && query.contains("skiptoken=p2") ? page2 : page1);
        } else {
            respond(exchange, 404, "{}".getBytes(StandardCharsets.UTF_8));
        }
    }

    private static void respond(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }
}
