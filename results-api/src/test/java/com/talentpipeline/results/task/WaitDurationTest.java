package com.talentpipeline.results.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.talentpipeline.core.web.ApiProblemException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** {@code ?wait=} accepts the documented spellings and is capped at 60 s. */
class WaitDurationTest {

    @Test
    void spellingsAndCap() {
        assertThat(TaskController.waitDuration(null)).isZero();
        assertThat(TaskController.waitDuration("30s")).isEqualTo(Duration.ofSeconds(30));
        assertThat(TaskController.waitDuration("15")).isEqualTo(Duration.ofSeconds(15));
        assertThat(TaskController.waitDuration("500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(TaskController.waitDuration("PT10S")).isEqualTo(Duration.ofSeconds(10));
        assertThat(TaskController.waitDuration("5m")).as("minutes, capped").isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void cappedAndValidated() {
        assertThat(TaskController.waitDuration("600s")).isEqualTo(Duration.ofSeconds(60));
        assertThatThrownBy(() -> TaskController.waitDuration("soon")).isInstanceOf(ApiProblemException.class);
        assertThatThrownBy(() -> TaskController.waitDuration("-5s")).isInstanceOf(ApiProblemException.class);
    }
}
