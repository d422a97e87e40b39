package com.talentpipeline.results.webhook;

import java.time.Duration;
import java.util.function.LongUnaryOperator;

/**
 * Exponential backoff with full jitter: the delay before retry n (n = attempts made, from 1) is
 * uniform in [0, min(max, base * 2^(n-1))], so receivers that failed together are not hit together.
 */
final class Backoff {

    private Backoff() {
    }

    /**
     * @param attempts attempts made so far (at least 1)
     * @param base     the first ceiling
     * @param max      the largest ceiling
     * @param random   bound -&gt; a uniform value in [0, bound]
     */
    public static Duration delay(int attempts, Duration base, Duration max, LongUnaryOperator random) {
        int shift = Math.min(Math.max(attempts - 1, 0), 30);
        long ceiling = base.toMillis() << shift;
        if (ceiling <= 0 || ceiling > max.toMillis()) {
            ceiling = max.toMillis();
        }
        return Duration.ofMillis(random.applyAsLong(ceiling));
    }
}
