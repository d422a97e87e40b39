package com.talentpipeline.core.skill;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SkillVocabularyTest {

    private final SkillVocabulary vocabulary = SkillVocabulary.defaults();

    @Test
    void aliasesMapToCanonicalNames() {
        assertThat(vocabulary.canonical("JS")).isEqualTo("JavaScript");
        assertThat(vocabulary.canonical("k8s")).isEqualTo("Kubernetes");
        assertThat(vocabulary.canonical("Postgres")).isEqualTo("PostgreSQL");
        assertThat(vocabulary.canonical("COBOL")).isNull();
    }

    @Test
    void findsWholeWordsOnceLongestFirst() {
        String text = "Spring Boot, spring, C++, C#, JS and javascript; JSON is not JS-like; k8s";
        assertThat(vocabulary.find(text, 0, text.length())).extracting(SkillVocabulary.Match::skill)
                .containsExactly("Spring Boot", "Spring", "C++", "C#", "JavaScript", "Kubernetes");
    }
}
