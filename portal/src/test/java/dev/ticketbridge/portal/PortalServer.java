package dev.ticketbridge.portal;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Serves the portal's static assets from the classpath ({@code META-INF/resources}, as the gateway does from the jar)
 * and sends {@code /api/v1/*} to an {@link ApiFixture}. Binds 127.0.0.1 on a free port.
 */
final class PortalServer implements AutoCloseable {

    private static final String ROOT = "META-INF/resources/";
    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html; charset=utf-8", "js", "text/javascript; charset=utf-8",
            "css", "text/css; charset=utf-8", "svg", "image/svg+xml", "png", "image/png");

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(4);
    private volatile ApiFixture api = new ApiFixture();

    PortalServer() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
    }

    ApiFixture api() {
        return api;
    }

    /** A fresh API state for the next test. */
    ApiFixture reset() {
        api = new ApiFixture();
        return api;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            if (path.startsWith("/api/v1/")) {
                answerApi(exchange, path.substring("/api/v1/".length()));
            } else if (path.equals("/authorize-landing.html")) {
                send(exchange, 200, TYPES.get("html"), "<!DOCTYPE html><title>ServiceNow consent</title><h1>Consent</h1>"
                        .getBytes(StandardCharsets.UTF_8), Map.of());
            } else {
                serveAsset(exchange, path.equals("/") ? "index.html" : path.substring(1));
            }
        }
    }

    private void answerApi(HttpExchange exchange, String path) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        ApiFixture.Call call = new ApiFixture.Call(exchange.getRequestMethod(), path,
                query(exchange.getRequestURI().getRawQuery()), body,
                exchange.getRequestHeaders().getFirst("X-Requested-With"),
                exchange.getRequestHeaders().getFirst("Idempotency-Key"));
        ApiFixture.Answer answer = api.handle(call);
        send(exchange, answer.status(), answer.contentType(), answer.body().getBytes(StandardCharsets.UTF_8),
                answer.headers());
    }

    private void serveAsset(HttpExchange exchange, String name) throws IOException {
        if (name.contains("..") || name.contains("//")) {
            send(exchange, 400, "text/plain", new byte[0], Map.of());
            return;
        }
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(ROOT + name)) {
            if (in == null) {
                send(exchange, 404, "text/plain", "not found".getBytes(StandardCharsets.UTF_8), Map.of());
                return;
            }
            String extension = name.substring(name.lastIndexOf('.') + 1);
            send(exchange, 200, TYPES.getOrDefault(extension, "application/octet-stream"), in.readAllBytes(), Map.of());
        }
    }

    private static void send(HttpExchange exchange, int status, String type, byte[] body, Map<String, String> headers)
            throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        headers.forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
        boolean empty = body.length == 0 || status == 204;
        exchange.sendResponseHeaders(status, empty ? -1 : body.length);
        if (!empty) {
            exchange.getResponseBody().write(body);
        }
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> query = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return query;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            query.put(key, eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return query;
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
