package com.talentpipeline.core.chunk;

import static org.assertj.core.api.Assertions.assertThat;

import com.talentpipeline.core.resume.Resume;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResumeChunkerTest {

    static Resume lars() {
        return new Resume("Lars", "Berg", "lars@example.com", "+46 70 000 0000",
                "Backend engineer building event-driven Java microservices with Kafka and Spring Boot. "
                        + "Mentors junior engineers. Speaks Swedish and English.",
                List.of(new Resume.Skill("Java", "Expert"), new Resume.Skill("Apache Kafka", null),
                        new Resume.Skill("PostgreSQL", null)),
                List.of(new Resume.WorkExperience("Senior Backend Engineer", "Nordic Payments", "2019-01", "present",
                        List.of("Designed Kafka Streams pipelines processing 2 billion events a day",
                                "Led the migration to Kubernetes. Cut costs by 30%.")),
                        new Resume.WorkExperience("Java Developer", "Telco AB", "2015-06", "2018-12", List.of())),
                List.of(new Resume.Education("M.Sc. Computer Science", "KTH Royal Institute of Technology", "2015")),
                List.of(new Resume.Certification("Confluent Certified Developer for Apache Kafka", "Confluent")));
    }

    @Test
    void splitsBySectionAndSentenceWithOffsetsIntoTheRenderedText() {
        ChunkedResume chunked = new ResumeChunker(400, 12).chunk(lars());

        assertThat(ResumeChunker.consistent(chunked)).isTrue();
        assertThat(chunked.chunks()).extracting(Chunk::chunkId).containsExactly(
                "summary-1", "summary-2", "summary-3", "skills-1",
                "workExperience-1.0", "workExperience-1.1", "workExperience-1.2", "workExperience-1.3",
                "workExperience-2.0", "education-1", "certifications-1");
        assertThat(chunked.chunks().get(1).text()).isEqualTo("Mentors junior engineers.");
        assertThat(chunked.chunks().get(3).text()).isEqualTo("Skills: Java (Expert), Apache Kafka, PostgreSQL");
        assertThat(chunked.chunks().get(4).text()).isEqualTo("Senior Backend Engineer at Nordic Payments, 2019-01 to present");
        assertThat(chunked.chunks().get(7).text()).isEqualTo("Cut costs by 30%.");
        assertThat(chunked.chunks().get(7).context()).startsWith("Work experience as Senior Backend Engineer at Nordic Payments: ");
        assertThat(chunked.chunks().get(9).section()).isEqualTo("education");
        // Contact details are not indexed.
        assertThat(chunked.text()).doesNotContain("lars@example.com").doesNotContain("+46");
        // Ids are unique.
        assertThat(chunked.chunks()).extracting(Chunk::chunkId).doesNotHaveDuplicates();
    }

    @Test
    void longPiecesAreSplitWithinTheLimitAndSkillListsAreGrouped() {
        String longSentence = "word ".repeat(60).strip() + ".";
        List<Resume.Skill> skills = java.util.stream.IntStream.range(0, 7)
                .mapToObj(i -> new Resume.Skill("Skill" + i, null)).toList();
        Resume resume = new Resume("A", "B", "a@b.c", null, longSentence, skills, List.of(), List.of(), List.of());

        ChunkedResume chunked = new ResumeChunker(100, 3).chunk(resume);

        assertThat(ResumeChunker.consistent(chunked)).isTrue();
        assertThat(chunked.chunks()).allSatisfy(c -> assertThat(c.text().length()).isLessThanOrEqualTo(100));
        assertThat(chunked.chunks()).filteredOn(c -> c.section().equals("summary")).hasSize(3);
        assertThat(chunked.chunks()).filteredOn(c -> c.section().equals("skills")).extracting(Chunk::text)
                .containsExactly("Skills: Skill0, Skill1, Skill2", "Skills: Skill3, Skill4, Skill5", "Skills: Skill6");
    }

    @Test
    void anEmptyResumeHasNoChunks() {
        Resume resume = new Resume("A", "B", "a@b.c", null, "  ", List.of(), List.of(), List.of(), List.of());
        assertThat(new ResumeChunker(400, 12).chunk(resume).chunks()).isEmpty();
    }
}
