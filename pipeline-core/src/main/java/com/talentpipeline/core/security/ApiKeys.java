package com.talentpipeline.core.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * Key material: keys look like {@code tp_<id>_<secret>} (id 12 hex digits, secret 40 hex digits, 160
 * random bits), and only their SHA-256 is stored. A plain hash is enough because the keys are random
 * and long (no dictionary to try); the lookup is by hash, so any string (e.g. {@code DEV_API_KEY}) works.
 */
public final class ApiKeys {

    private static final SecureRandom RANDOM = new SecureRandom();

    private ApiKeys() {
    }

    /** A new random key. */
    public static String generate() {
        return "tp_" + hex(6) + "_" + hex(20);
    }

    /** The id part of a {@code tp_<id>_<secret>} key, or a hash prefix for a key of another shape. */
    public static String idOf(String key) {
        String[] parts = key.split("_");
        if (parts.length == 3 && parts[0].equals("tp") && !parts[1].isEmpty()) {
            return parts[1];
        }
        return hash(key).substring(0, 12);
    }

    /** Hex SHA-256 of the key, as stored in {@code api_keys.hash}. */
    public static String hash(String key) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Compares two secrets in time independent of where they differ. */
    public static boolean sameSecret(String a, String b) {
        return a != null && b != null && MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8),
                b.getBytes(StandardCharsets.UTF_8));
    }

    /** A random secret of {@code bytes} bytes as hex. */
    public static String hex(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }
}
