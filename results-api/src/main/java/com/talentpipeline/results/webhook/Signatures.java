package com.talentpipeline.results.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * {@code X-Webhook-Signature: v1=<hex HMAC-SHA256(secret, timestamp + "." + body)>}. The receiver
 * recomputes it over the raw body and the {@code X-Webhook-Timestamp} header, compares in constant
 * time, and refuses timestamps older than a few minutes, so a captured delivery cannot be replayed.
 */
final class Signatures {

    private Signatures() {
    }

    /** The header value for a body sent at {@code timestamp} (unix seconds). */
    public static String sign(String secret, long timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] digest = mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
            return "v1=" + HexFormat.of().formatHex(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
