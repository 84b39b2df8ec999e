package dev.ticketbridge.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The local stack's own secrets, made on first start and kept (owner-only) under the data folder: the key that
 * encrypts ServiceNow secrets at rest, the key that signs ServiceNow push notifications, and an RSA key pair per calling service for service-to-service tokens.
 * Nothing here is a default: every installation makes its own.
 */
record Secrets(String encryptionKey, String pushSigningKey, Map<String, String> privateKeys, Map<String, String> publicKeys) {

    static final List<String> CALLERS = List.of("gateway", "ticket-service", "sync-service");

    static Secrets loadOrCreate(Path dir) throws IOException {
        Files.createDirectories(dir);
        String encryptionKey = readOrCreate(dir.resolve("encryption-key"), Secrets::newAesKey);
        String pushSigningKey = readOrCreate(dir.resolve("push-signing-key"), Secrets::newAesKey);
        Map<String, String> privateKeys = new LinkedHashMap<>();
        Map<String, String> publicKeys = new LinkedHashMap<>();
        for (String caller : CALLERS) {
            Path privateFile = dir.resolve(caller + "-private.pem");
            Path publicFile = dir.resolve(caller + "-public.pem");
            if (!Files.exists(privateFile) || !Files.exists(publicFile)) {
                KeyPair pair = newRsaPair();
                write(privateFile, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
                write(publicFile, pem("PUBLIC KEY", pair.getPublic().getEncoded()));
            }
            privateKeys.put(caller, Files.readString(privateFile));
            publicKeys.put(caller, Files.readString(publicFile));
        }
        return new Secrets(encryptionKey, pushSigningKey, privateKeys, publicKeys);
    }

    private interface Maker {
        String make();
    }

    private static String readOrCreate(Path file, Maker maker) throws IOException {
        if (!Files.exists(file)) {
            write(file, maker.make());
        }
        return Files.readString(file).trim();
    }

    private static void write(Path file, String content) throws IOException {
        Files.writeString(file, content);
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // Not a POSIX file system: the folder's own permissions apply.
        }
    }

    private static String newAesKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    private static KeyPair newRsaPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("RSA is not available", e);
        }
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }
}
