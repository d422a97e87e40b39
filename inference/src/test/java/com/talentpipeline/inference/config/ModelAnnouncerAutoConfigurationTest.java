package com.talentpipeline.inference.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import com.talentpipeline.inference.registry.ModelAnnouncer;
import com.talentpipeline.inference.text.TextEncoder;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Every service with a text model and a Kafka template announces its models, under its own
 * {@code spring.application.name}; a service without either does not.
 */
class ModelAnnouncerAutoConfigurationTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(InferenceAutoConfiguration.class,
                    ModelAnnouncerAutoConfiguration.class))
            .withPropertyValues("spring.application.name=some-worker");

    @Test
    void noAnnouncerWithoutAModelOrWithoutKafka() {
        runner.withBean(KafkaTemplate.class, () -> mock(KafkaTemplate.class)).run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context).doesNotHaveBean(TextEncoder.class);
            assertThat(context).doesNotHaveBean(ModelAnnouncer.class);
        });
        runner.withPropertyValues("pipeline.inference.text.enabled=true").run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context).hasSingleBean(TextEncoder.class);
            assertThat(context).doesNotHaveBean(ModelAnnouncer.class);
        });
    }

    @Test
    void announcesTheLoadedModelUnderTheApplicationName() {
        runner.withBean(KafkaTemplate.class, () -> mock(KafkaTemplate.class))
                .withPropertyValues("pipeline.inference.text.enabled=true", "pipeline.models.announce-interval=1s")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    var announcement = context.getBean(ModelAnnouncer.class).current();
                    assertThat(announcement.service()).isEqualTo("some-worker");
                    assertThat(announcement.instance()).isNotBlank();
                    assertThat(announcement.models()).singleElement()
                            .satisfies(m -> assertThat(m.version())
                                    .isEqualTo(context.getBean(TextEncoder.class).info().version()));
                });
    }
}
