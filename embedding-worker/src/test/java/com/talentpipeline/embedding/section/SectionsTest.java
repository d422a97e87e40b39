package com.talentpipeline.embedding.section;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.talentpipeline.core.job.ExperienceLevel;
import com.talentpipeline.core.job.Job;
import com.talentpipeline.core.resume.Resume;
import com.talentpipeline.inference.vector.Vectors;
import java.util.List;
import org.junit.jupiter.api.Test;

class SectionsTest {

    @Test
    void resumeSectionsHoldOneTextPerItemAndLeaveOutContactDetailsAndEmptySections() {
        var resume = new Resume("Ada", "Lovelace", "ada@example.com", "+44 1", "  ",
                List.of(new Resume.Skill("Java", "Expert"), new Resume.Skill("Kafka", null)),
                List.of(new Resume.WorkExperience("Backend Engineer", "Acme", "2019-01", "present",
                        List.of("Built event pipelines", "Ran Kafka clusters"))),
                List.of(), List.of(new Resume.Certification("CKA", "CNCF")));
        var sections = Sections.ofResume(resume);
        assertThat(sections).containsOnlyKeys("skills", "workExperience", "certifications");
        assertThat(sections.get("skills")).containsExactly("Java", "Kafka");
        assertThat(sections.get("workExperience")).containsExactly(
                "Backend Engineer at Acme. Built event pipelines. Ran Kafka clusters");
        assertThat(sections.get("certifications")).containsExactly("CKA (CNCF)");
        assertThat(sections.toString()).doesNotContain("Lovelace", "ada@example.com");
    }

    @Test
    void jobSectionsIncludeLevelAndRemoteLocation() {
        var job = new Job("Backend Engineer", "Acme", "Berlin", ExperienceLevel.SENIOR, null,
                List.of(new Job.JobSkill("Java")), List.of("5+ years of Java"), null, true);
        var sections = Sections.ofJob(job);
        assertThat(sections.keySet()).containsExactly("jobTitle", "skills", "requirements", "experienceLevel", "location");
        assertThat(sections.get("location")).containsExactly("Berlin (remote)");
        assertThat(sections.get("experienceLevel")).containsExactly("Senior level position");
    }

    @Test
    void meanIsNormalisedAndCosineIsScaleFree() {
        float[] mean = Vectors.normalisedMean(List.of(new float[] {1, 0}, new float[] {0, 1}));
        assertThat((double) mean[0]).isCloseTo(Math.sqrt(0.5), within(1e-6));
        assertThat(Vectors.cosine(new float[] {1, 2}, new float[] {2, 4})).isCloseTo(1.0, within(1e-9));
        assertThat(Vectors.cosine(new float[] {1, 0}, new float[] {0, 1})).isCloseTo(0.0, within(1e-9));
        assertThat(Vectors.normalisedMean(List.of(new float[] {1, 0}, new float[] {-1, 0}))).containsExactly(0f, 0f);
    }
}
