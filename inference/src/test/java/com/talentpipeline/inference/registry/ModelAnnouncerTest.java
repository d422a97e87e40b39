package com.talentpipeline.inference.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import com.talentpipeline.core.model.WorkerModels;
import com.talentpipeline.inference.model.LoadedModels;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.core.KafkaTemplate;

/** An announcement carries the service's result versions, read when it is made. */
class ModelAnnouncerTest {

    @Test
    @SuppressWarnings("unchecked")
    void resultVersionsAreAnnouncedWithTheModelsAsTheyAreNow() {
        AtomicReference<String> version = new AtomicReference<>("resume-scorer-1.0.0+m@1");
        ModelAnnouncer announcer = new ModelAnnouncer(new LoadedModels(), mock(KafkaTemplate.class),
                new SimpleMeterRegistry(), "scoring-worker", Duration.ofSeconds(15),
                List.of(new ResultVersion("resume-score", version::get)));

        assertThat(announcer.current().results()).containsExactlyEntriesOf(
                java.util.Map.of("resume-score", "resume-scorer-1.0.0+m@1"));
        version.set("resume-scorer-1.1.0+m@1");
        WorkerModels now = announcer.current();
        assertThat(now.service()).isEqualTo("scoring-worker");
        assertThat(now.results()).containsEntry("resume-score", "resume-scorer-1.1.0+m@1");
    }

    @Test
    @SuppressWarnings("unchecked")
    void aServiceWithoutResultVersionsAnnouncesNone() {
        ModelAnnouncer announcer = new ModelAnnouncer(new LoadedModels(), mock(KafkaTemplate.class),
                new SimpleMeterRegistry(), "embedding-worker", Duration.ofSeconds(15));
        assertThat(announcer.current().results()).isEmpty();
    }
}
