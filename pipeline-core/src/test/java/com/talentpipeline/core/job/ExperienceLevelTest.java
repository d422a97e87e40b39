package com.talentpipeline.core.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ExperienceLevelTest {

    @Test
    void parsesLabelsInAnyCaseAndNamesTheAllowedValuesOtherwise() {
        assertThat(ExperienceLevel.fromLabel("senior")).isEqualTo(ExperienceLevel.SENIOR);
        assertThat(ExperienceLevel.fromLabel(" Mid ")).isEqualTo(ExperienceLevel.MID);
        assertThatThrownBy(() -> ExperienceLevel.fromLabel("Guru"))
                .hasMessageContaining("Entry, Mid, Senior");
    }
}
