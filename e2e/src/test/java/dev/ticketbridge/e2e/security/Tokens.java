package dev.ticketbridge.e2e.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ticketbridge.e2e.Gateway;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.util.Base64;

/**
 * Tokens an attacker could make: signed with a key of their own (under another issuer, or claiming the real issuer
 * and key id), unsigned ({@code alg: none}), or a real token whose claims were edited after signing.
 */
final class Tokens {

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final KeyPair ATTACKER_KEY = newKey();

    private Tokens() {
    }

    static JsonNode header(String token) {
        return decode(token.split("\\.")[0]);
    }

    static JsonNode claims(String token) {
        return decode(token.split("\\.")[1]);
    }

    /** The real token's claims under another issuer, signed RS256 with the attacker's key. */
    static String selfSignedByOtherIssuer(String realToken, String issuer) {
        ObjectNode claims = (ObjectNode) claims(realToken);
        claims.put("iss", issuer);
        ObjectNode header = Gateway.JSON.createObjectNode().put("alg", "RS256").put("typ", "JWT")
                .put("kid", "attacker");
        return sign(header, claims, ATTACKER_KEY.getPrivate());
    }

    /** The real token's header (issuer's key id) and claims, signed with the attacker's key instead. */
    static String resignedWithOwnKey(String realToken) {
        return sign((ObjectNode) header(realToken), (ObjectNode) claims(realToken), ATTACKER_KEY.getPrivate());
    }

    /** The real token's claims with {@code alg: none} and no signature. */
    static String unsigned(String realToken) {
        ObjectNode header = Gateway.JSON.createObjectNode().put("alg", "none").put("typ", "JWT");
        return encode(header) + "." + encode(claims(realToken)) + ".";
    }

    /** The real token with one claim changed after signing; its signature kept. */
    static String withEditedClaim(String realToken, String claim, String value) {
        String[] parts = realToken.split("\\.");
        ObjectNode claims = (ObjectNode) claims(realToken);
        claims.put(claim, value);
        return parts[0] + "." + encode(claims) + "." + parts[2];
    }

    private static String sign(ObjectNode header, ObjectNode claims, PrivateKey key) {
        String signingInput = encode(header) + "." + encode(claims);
        try {
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(key);
            signature.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + ENCODER.encodeToString(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String encode(JsonNode json) {
        return ENCODER.encodeToString(json.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static JsonNode decode(String part) {
        try {
            return Gateway.JSON.readTree(Base64.getUrlDecoder().decode(part));
        } catch (IOException e) {
            throw new IllegalArgumentException("not a JWT part: " + part, e);
        }
    }

    private static KeyPair newKey() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
