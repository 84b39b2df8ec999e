package dev.ticketbridge.connection.service;

import dev.ticketbridge.connection.config.ConnectionConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.stream.Collectors;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM for secrets at rest. A stored value reads {@code v1:<key id>:<base64(iv ‖ ciphertext ‖ tag)>}; the
 * tenant and the field name are authenticated as associated data, so a value copied to another tenant's row or
 * another column does not decrypt. New values use the active key; older key ids stay readable (rotation).
 */
@ApplicationScoped
public class SecretCipher {

    private static final String VERSION = "v1";
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String activeKeyId;
    private final Map<String, SecretKey> keys;

    public SecretCipher(ConnectionConfig config) {
        this.activeKeyId = config.encryption().activeKeyId();
        this.keys = config.encryption().keys().entrySet().stream()
                .filter(e -> !e.getValue().isBlank())
                .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, e -> key(e.getKey(), e.getValue())));
        if (!keys.containsKey(activeKeyId)) {
            throw new IllegalStateException("ticketbridge.connection.encryption.keys has no key for the active key id '"
                    + activeKeyId + "'");
        }
    }

    public String encrypt(String plaintext, String tenantId, String field) {
        if (plaintext == null) {
            return null;
        }
        try {
            byte[] iv = new byte[IV_BYTES];
            RANDOM.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, keys.get(activeKeyId), new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(aad(tenantId, field));
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            byte[] out = ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array();
            return VERSION + ":" + activeKeyId + ":" + Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("could not encrypt " + field);
        }
    }

    public String decrypt(String stored, String tenantId, String field) {
        if (stored == null) {
            return null;
        }
        String[] parts = stored.split(":", 3);
        SecretKey key = parts.length == 3 && VERSION.equals(parts[0]) ? keys.get(parts[1]) : null;
        if (key == null) {
            throw new IllegalStateException("stored " + field + " uses an unknown format or key id");
        }
        try {
            byte[] in = Base64.getDecoder().decode(parts[2]);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, in, 0, IV_BYTES));
            cipher.updateAAD(aad(tenantId, field));
            return new String(cipher.doFinal(in, IV_BYTES, in.length - IV_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("stored " + field + " could not be decrypted");
        }
    }

    /** Whether a stored value was encrypted with a key other than the active one. */
    public boolean needsRotation(String stored) {
        return stored != null && !stored.startsWith(VERSION + ":" + activeKeyId + ":");
    }

    private static byte[] aad(String tenantId, String field) {
        return (tenantId + "\n" + field).getBytes(StandardCharsets.UTF_8);
    }

    private static SecretKey key(String id, String base64) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("encryption key '" + id + "' is not base64");
        }
        if (bytes.length != 32) {
            throw new IllegalStateException("encryption key '" + id + "' must be 32 bytes (AES-256), found " + bytes.length);
        }
        return new SecretKeySpec(bytes, "AES");
    }
}
