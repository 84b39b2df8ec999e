package dev.ticketbridge.sync;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC-SHA256 signatures of pushed change notifications. A tenant's secret is Base64 text (what ServiceNow's
 * {@code GlideCertificateEncryption.generateMac} expects as key); the signed text is
 * {@code <timestamp>.<raw body>} and the signature header reads {@code v1=<Base64 MAC>}.
 */
public final class PushSignature {

    private static final String ALGORITHM = "HmacSHA256";
    private static final String VERSION = "v1=";

    private PushSignature() {
    }

    /** A tenant's secret derived from the service's master key, so no per-tenant secret has to be stored. */
    public static String deriveSecret(String masterKey, String tenantId) {
        return Base64.getEncoder().encodeToString(mac(masterKey.getBytes(StandardCharsets.UTF_8),
                "ticketbridge-push:" + tenantId));
    }

    /** The header value a sender computes. */
    public static String sign(String secret, String timestamp, String body) {
        return VERSION + Base64.getEncoder().encodeToString(mac(Base64.getDecoder().decode(secret),
                timestamp + "." + body));
    }

    /** Constant-time check of a received signature header. */
    public static boolean verify(String secret, String timestamp, String body, String header) {
        if (header == null || timestamp == null) {
            return false;
        }
        byte[] expected = sign(secret, timestamp, body).getBytes(StandardCharsets.UTF_8);
        return MessageDigest.isEqual(expected, header.trim().getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] mac(byte[] key, String text) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(key, ALGORITHM));
            return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 unavailable", e);
        }
    }
}
