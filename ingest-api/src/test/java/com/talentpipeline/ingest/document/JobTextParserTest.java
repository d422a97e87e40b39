package com.talentpipeline.ingest.document;

import com.talentpipeline.core.skill.SkillVocabulary;
import static org.assertj.core.api.Assertions.assertThat;

import com.talentpipeline.core.job.ExperienceLevel;
import com.talentpipeline.core.job.Job;
import org.junit.jupiter.api.Test;

class JobTextParserTest {

    private final JobTextParser parser = new JobTextParser(SkillVocabulary.defaults());

    @Test
    void extractsTheFieldsOfALabelledDescription() {
        Job job = parser.parse("""
                Senior Backend Engineer at Acme Corp
                Location: Berlin, Germany (Remote friendly)

                We build the payments platform.

                Requirements:
                - 5+ years with Java and Spring Boot
                - Experience running k8s in production
                - Postgres and Kafka

                Benefits
                - Free lunch
                """);
        assertThat(job.title()).isEqualTo("Senior Backend Engineer");
        assertThat(job.company()).isEqualTo("Acme Corp");
        assertThat(job.location()).isEqualTo("Berlin, Germany (Remote friendly)");
        assertThat(job.remote()).isTrue();
        assertThat(job.experienceLevel()).isEqualTo(ExperienceLevel.SENIOR);
        assertThat(job.skills()).extracting(Job.JobSkill::name)
                .containsExactly("Java", "Spring Boot", "Kubernetes", "PostgreSQL", "Kafka");
        assertThat(job.requirements()).containsExactly("5+ years with Java and Spring Boot",
                "Experience running k8s in production", "Postgres and Kafka");
    }

    @Test
    void levelFromYearsWhenTheTitleSaysNothing() {
        Job job = parser.parse("""
                Title: Data Analyst
                Company: Contoso
                Location: Leeds (on-site only)
                * 2-3 years of SQL
                * Python
                """);
        assertThat(job.title()).isEqualTo("Data Analyst");
        assertThat(job.company()).isEqualTo("Contoso");
        assertThat(job.remote()).isFalse();
        assertThat(job.experienceLevel()).isEqualTo(ExperienceLevel.MID);
        assertThat(job.requirements()).containsExactly("2-3 years of SQL", "Python");
        assertThat(parser.parse("Junior Developer at X").experienceLevel()).isEqualTo(ExperienceLevel.ENTRY);
    }
}
