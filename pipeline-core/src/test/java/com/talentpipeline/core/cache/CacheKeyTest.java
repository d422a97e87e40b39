package com.talentpipeline.core.cache;

import static org.assertj.core.api.Assertions.assertThat;

import com.talentpipeline.core.config.PipelineProperties;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CacheKeyTest {

    @Test
    void aModelUpgradeChangesTheKey() {
        var v1 = new CacheKey("t", "resume-embedding", "minilm@abc", "h");
        var v2 = new CacheKey("t", "resume-embedding", "minilm@def", "h");
        assertThat(v1.redisKey()).isEqualTo("tp:resume-embedding:minilm@abc:t:h").isNotEqualTo(v2.redisKey());
    }

    @Test
    void theSameContentOfTwoTenantsHasTwoKeysThatCannotCollide() {
        var a = new CacheKey("tenant-a", "resume-embedding", "m", "h");
        var b = new CacheKey("tenant-b", "resume-embedding", "m", "h");
        assertThat(a.redisKey()).isNotEqualTo(b.redisKey());
        assertThat(new CacheKey("x:y", "k", "m", "h").redisKey()).isNotEqualTo(new CacheKey("x", "k", "m", "y:h").redisKey());
    }

    @Test
    void ttlDefaultsFollowTheSeedsAndCanBeOverridden() {
        var defaults = new PipelineProperties.Cache(true, Duration.ofMillis(500), Duration.ofDays(7), null);
        assertThat(defaults.ttl()).containsEntry("resume-embedding", Duration.ofDays(90))
                .containsEntry("resume-score", Duration.ofDays(7))
                .containsEntry("comparison", Duration.ofDays(30));
        var custom = new PipelineProperties.Cache(true, Duration.ofMillis(500), Duration.ofDays(7),
                Map.of("resume-embedding", Duration.ofDays(1)));
        assertThat(custom.ttl()).containsEntry("resume-embedding", Duration.ofDays(1))
                .containsEntry("job-embedding", Duration.ofDays(90));
    }
}
