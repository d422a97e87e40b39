package com.talentpipeline.matching.compare;

import static org.assertj.core.api.Assertions.assertThat;

import com.talentpipeline.core.skill.SkillVocabulary;
import com.talentpipeline.matching.support.Model;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Skill-level matching with the real model: aliases first, then embedding similarity with a threshold. */
class SkillMatcherTest {

    private final SkillMatcher matcher = new SkillMatcher(SkillVocabulary.defaults(), new SkillEmbeddings(Model.encoder()), 0.8);

    @Test
    void aliasesMatchTheirCanonicalSkill() {
        var forResume = matcher.forResume(List.of("JS", "Postgres", "k8s"));
        assertThat(forResume.match("JavaScript")).isEqualTo("JavaScript");
        assertThat(forResume.match("PostgreSQL")).isEqualTo("PostgreSQL");
        assertThat(forResume.match("Kubernetes")).isEqualTo("Kubernetes");
    }

    @Test
    void javaDoesNotMatchJavaScriptEitherWay() {
        assertThat(matcher.forResume(List.of("Java")).match("JavaScript")).isNull();
        assertThat(matcher.forResume(List.of("JavaScript")).match("Java")).isNull();
        assertThat(matcher.forResume(List.of("Java")).match("Java")).isEqualTo("Java");
    }

    @Test
    void spellingVariantsOutsideTheVocabularyMatchByEmbedding() {
        var forResume = matcher.forResume(List.of("MS Excel", "Team leadership"));
        assertThat(forResume.match("Microsoft Excel")).isEqualTo("MS Excel");
        assertThat(forResume.match("Leadership")).isEqualTo("Team leadership");
    }

    @Test
    void relatedButDifferentSkillsStayApart() {
        var forResume = matcher.forResume(List.of("Spring Framework", "Machine Learning", "Patient care"));
        assertThat(forResume.match("Spring Boot")).isNull();
        assertThat(forResume.match("Deep Learning")).isNull();
        assertThat(forResume.match("Nursing")).isNull();
    }

    @Test
    void splitKeepsJobOrderAndCanonicalNamesWithoutSubstringTricks() {
        var split = matcher.forResume(List.of("Java", "postgres", "React.js"))
                .split(List.of("JavaScript", "PostgreSQL", "React", "Java", "Kafka"));
        assertThat(split.matched()).containsExactly("PostgreSQL", "React", "Java");
        assertThat(split.missing()).containsExactly("JavaScript", "Kafka");
    }
}
