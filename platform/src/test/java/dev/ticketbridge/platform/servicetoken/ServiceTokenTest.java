package dev.ticketbridge.platform.servicetoken;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ServiceTokenTest {

    private static final KeyPair TICKET_SERVICE = rsa();
    private static final KeyPair OTHER = rsa();

    @Test
    void tokenOfATrustedServiceNamesThatService() {
        String token = issuer("ticket-service", TICKET_SERVICE, "connection-service", Duration.ofMinutes(2)).token();

        assertThat(verifier(Map.of("ticket-service", TICKET_SERVICE)).verify(token)).isEqualTo("ticket-service");
    }

    @Test
    void tokenSignedWithAnotherKeyIsRefused() {
        String token = issuer("ticket-service", OTHER, "connection-service", Duration.ofMinutes(2)).token();

        assertThatThrownBy(() -> verifier(Map.of("ticket-service", TICKET_SERVICE)).verify(token))
                .isInstanceOf(ServiceTokenVerifier.InvalidServiceTokenException.class);
    }

    @Test
    void tokenOfAnUnknownServiceIsRefused() {
        String token = issuer("stranger", TICKET_SERVICE, "connection-service", Duration.ofMinutes(2)).token();

        assertThatThrownBy(() -> verifier(Map.of("ticket-service", TICKET_SERVICE)).verify(token))
                .hasMessageContaining("not a trusted service");
    }

    @Test
    void tokenForAnotherAudienceIsRefused() {
        String token = issuer("ticket-service", TICKET_SERVICE, "sync-service", Duration.ofMinutes(2)).token();

        assertThatThrownBy(() -> verifier(Map.of("ticket-service", TICKET_SERVICE)).verify(token))
                .isInstanceOf(ServiceTokenVerifier.InvalidServiceTokenException.class);
    }

    @Test
    void garbageIsRefused() {
        ServiceTokenVerifier verifier = verifier(Map.of("ticket-service", TICKET_SERVICE));

        assertThatThrownBy(() -> verifier.verify("not-a-jwt")).hasMessage("not a JWT");
        assertThatThrownBy(() -> verifier.verify("")).hasMessage("no bearer token");
    }

    @Test
    void issuerReusesItsTokenWhileItIsFresh() {
        ServiceTokenIssuer issuer = issuer("ticket-service", TICKET_SERVICE, "connection-service", Duration.ofMinutes(2));

        assertThat(issuer.token()).isEqualTo(issuer.token());
    }

    private static ServiceTokenIssuer issuer(String name, KeyPair keys, String audience, Duration lifetime) {
        return new ServiceTokenIssuer(new TestConfig(name, pem("PRIVATE KEY", keys.getPrivate().getEncoded()),
                audience, lifetime, Map.of()));
    }

    private static ServiceTokenVerifier verifier(Map<String, KeyPair> trusted) {
        Map<String, String> keys = new java.util.HashMap<>();
        trusted.forEach((name, pair) -> keys.put(name, pem("PUBLIC KEY", pair.getPublic().getEncoded())));
        return new ServiceTokenVerifier(new TestConfig("connection-service", null, "connection-service",
                Duration.ofMinutes(2), keys));
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder().encodeToString(der) + "\n-----END " + type + "-----\n";
    }

    private static KeyPair rsa() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private record TestConfig(String issuer, String key, String audience, Duration tokenLifetime,
                              Map<String, String> trustedIssuers) implements ServiceAuthConfig {

        @Override
        public Optional<String> privateKey() {
            return Optional.ofNullable(key);
        }

        @Override
        public Optional<String> privateKeyLocation() {
            return Optional.empty();
        }

        @Override
        public String acceptedAudience() {
            return "connection-service";
        }
    }
}
