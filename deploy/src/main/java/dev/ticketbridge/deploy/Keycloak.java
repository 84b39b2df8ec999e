package dev.ticketbridge.deploy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Keycloak from {@code org.keycloak:keycloak-quarkus-dist}, the local stack's real OIDC provider, with the
 * {@code ticketbridge} realm (demo tenants, an administrator and a reader). Keycloak needs Java 21 or later.
 */
final class Keycloak {

    static final String VERSION = "26.7.3";
    static final String REALM = "ticketbridge";

    private Keycloak() {
    }

    static ManagedProcess start(StackLayout layout, Path distZip, int port, String gatewayUrl) throws IOException {
        Path home = layout.data().resolve("keycloak-" + VERSION);
        if (!Files.exists(home.resolve("bin/kc.sh"))) {
            unzip(distZip, layout.data());
        }
        Path importDir = home.resolve("data/import");
        Files.createDirectories(importDir);
        try (InputStream realm = Keycloak.class.getResourceAsStream("/keycloak/ticketbridge-realm.json")) {
            String json = new String(realm.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            Files.writeString(importDir.resolve("ticketbridge-realm.json"), json.replace("${GATEWAY_URL}", gatewayUrl));
        }
        ManagedProcess keycloak = ManagedProcess.start("keycloak",
                List.of("bash", home.resolve("bin/kc.sh").toString(), "start-dev", "--http-port=" + port,
                        "--import-realm", "--hostname-strict=false"),
                Map.of("JAVA_HOME", modernJavaHome(),
                        "JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx512m",
                        "KC_BOOTSTRAP_ADMIN_USERNAME", "admin",
                        "KC_BOOTSTRAP_ADMIN_PASSWORD", "admin"),
                home, layout.logs());
        return keycloak;
    }

    static void awaitReady(ManagedProcess keycloak, int port) {
        keycloak.awaitReady(() -> ManagedProcess.httpOk(issuer(port) + "/.well-known/openid-configuration"),
                Duration.ofMinutes(3));
    }

    static String issuer(int port) {
        return "http://127.0.0.1:" + port + "/realms/" + REALM;
    }

    /** A JDK of version 21 or later: {@code KEYCLOAK_JAVA_HOME}, else the newest Temurin under /usr/lib/jvm. */
    static String modernJavaHome() throws IOException {
        String configured = System.getenv("KEYCLOAK_JAVA_HOME");
        if (configured != null && !configured.isBlank()) {
            return configured;
        }
        if (Runtime.version().feature() >= 21) {
            return System.getProperty("java.home");
        }
        Path jvms = Path.of("/usr/lib/jvm");
        if (Files.isDirectory(jvms)) {
            try (Stream<Path> candidates = Files.list(jvms)) {
                return candidates.filter(p -> p.getFileName().toString().matches(".*-(2[1-9]|[3-9]\\d)(-.*|\\..*)?"))
                        .filter(p -> Files.isExecutable(p.resolve("bin/java")))
                        .sorted(java.util.Comparator.reverseOrder())
                        .map(Path::toString)
                        .findFirst()
                        .orElseThrow(() -> new IllegalStateException(
                                "Keycloak needs Java 21 or later: set KEYCLOAK_JAVA_HOME"));
            }
        }
        throw new IllegalStateException("Keycloak needs Java 21 or later: set KEYCLOAK_JAVA_HOME");
    }

    private static void unzip(Path zip, Path target) throws IOException {
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                Path out = target.resolve(entry.getName()).normalize();
                if (!out.startsWith(target)) {
                    throw new IOException("zip entry outside the target folder: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(out);
                } else {
                    Files.createDirectories(out.getParent());
                    Files.copy(in, out, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }
}
