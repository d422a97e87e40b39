package com.talentpipeline.results.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The signature is the documented HMAC; the backoff ceiling doubles up to its maximum, jitter below it. */
class SignaturesAndBackoffTest {

    @Test
    void signatureIsHmacSha256OfTimestampDotBody() {
        // Reference value: printf '1700000000.{"a":1}' | openssl dgst -sha256 -hmac 'secret'
        assertThat(Signatures.sign("secret", 1_700_000_000L, "{\"a\":1}"))
                .isEqualTo("v1=49f24e537407743fa4a0242bb63b94b9a47ee99cbbe071ccd8a22550ae411686");
        String one = Signatures.sign("secret", 1_700_000_000L, "{\"a\":1}");
        assertThat(one).startsWith("v1=").hasSize(67);
        assertThat(Signatures.sign("secret", 1_700_000_001L, "{\"a\":1}")).isNotEqualTo(one);
        assertThat(Signatures.sign("other", 1_700_000_000L, "{\"a\":1}")).isNotEqualTo(one);
        assertThat(Signatures.sign("secret", 1_700_000_000L, "{\"a\":2}")).isNotEqualTo(one);
    }

    @Test
    void backoffCeilingDoublesAndIsCapped() {
        Duration base = Duration.ofSeconds(5);
        Duration max = Duration.ofHours(1);
        assertThat(Backoff.delay(1, base, max, bound -> bound)).isEqualTo(Duration.ofSeconds(5));
        assertThat(Backoff.delay(2, base, max, bound -> bound)).isEqualTo(Duration.ofSeconds(10));
        assertThat(Backoff.delay(4, base, max, bound -> bound)).isEqualTo(Duration.ofSeconds(40));
        assertThat(Backoff.delay(40, base, max, bound -> bound)).isEqualTo(max);
        assertThat(Backoff.delay(3, base, max, bound -> 0)).isEqualTo(Duration.ZERO);
    }
}
