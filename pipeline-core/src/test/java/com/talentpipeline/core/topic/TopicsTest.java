package com.talentpipeline.core.topic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.talentpipeline.core.event.EventEnvelope;
import com.talentpipeline.core.job.ExperienceLevel;
import com.talentpipeline.core.job.Job;
import com.talentpipeline.core.job.JobStatus;
import com.talentpipeline.core.job.JobSubmitted;
import com.talentpipeline.core.resume.Resume;
import com.talentpipeline.core.resume.ResumeSubmitted;
import com.talentpipeline.core.task.TaskEvent;
import com.talentpipeline.core.task.TaskState;
import com.talentpipeline.core.task.TaskType;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class TopicsTest {

    @Test
    void everyTopicHasAUniqueNameAndADeadLetterTopic() {
        assertThat(Topics.all()).extracting(Topic::name).doesNotHaveDuplicates()
                .contains("resume.submitted", "resume.embedded", "job.submitted", "job.embedded", "task.events");
        assertThat(Topics.RESUME_SUBMITTED.deadLetterTopic()).isEqualTo("resume.submitted.DLT");
        assertThat(Topics.RESUME_EMBEDDED.compacted()).isTrue();
        assertThat(Topics.byName("job.submitted")).isSameAs(Topics.JOB_SUBMITTED);
    }

    @Test
    void envelopesRoundTripWithTypedPayloads() {
        var resume = new Resume("Ada", "Lovelace", "ada@example.com", null, "Engineer",
                List.of(new Resume.Skill("Java", "Expert")),
                List.of(new Resume.WorkExperience("Engineer", "Acme", "2019-01", "present", List.of("Built things"))),
                List.of(), List.of());
        var sent = EventEnvelope.of("resume.submitted", UUID.randomUUID(), "t1", "r1", "abc", null,
                new ResumeSubmitted("r1", 1, resume));
        var received = Topics.RESUME_SUBMITTED.decode(Topics.RESUME_SUBMITTED.encode(sent));
        assertThat(received).isEqualTo(sent);
        assertThat(received.payload().resume().skills().get(0).name()).isEqualTo("Java");
    }

    @Test
    void resumeSubmittedCarriesItsOwnerAndReadsEventsWrittenBeforeTheOwnerField() {
        var resume = new Resume("Ada", "Lovelace", "ada@example.com", null, "Engineer", List.of(), List.of(),
                List.of(), List.of());
        var json = EventEnvelope.of("resume.submitted", UUID.randomUUID(), "t1", "r1", "abc", null,
                new ResumeSubmitted("r1", 2, resume, null, "user-7"));
        var decoded = Topics.RESUME_SUBMITTED.decode(Topics.RESUME_SUBMITTED.encode(json));
        assertThat(decoded.payload().userId()).isEqualTo("user-7");
        assertThat(decoded.payload().ownerUserId()).isEqualTo("user-7");
        assertThat(decoded.payload().upload()).isNull();
        String encoded = new String(Topics.RESUME_SUBMITTED.encode(json), StandardCharsets.UTF_8);
        assertThat(encoded).doesNotContain("ownerUserId");

        // An upload event of an ingest API from before the field: its uploader is the owner.
        var upload = new ResumeSubmitted.ResumeUpload("uploader", "cv.pdf", "application/pdf", "text", 4);
        String old = new String(Topics.RESUME_SUBMITTED.encode(EventEnvelope.of("resume.submitted", UUID.randomUUID(),
                "t1", "r1", "abc", null, new ResumeSubmitted("r1", 1, resume, upload, null))), StandardCharsets.UTF_8)
                .replace(",\"userId\":null", "");
        assertThat(old).doesNotContain("\"userId\":null");
        var before = Topics.RESUME_SUBMITTED.decode(old.getBytes(StandardCharsets.UTF_8)).payload();
        assertThat(before.userId()).isNull();
        assertThat(before.ownerUserId()).isEqualTo("uploader");
        assertThat(new ResumeSubmitted("r1", 1, resume, upload).userId()).isEqualTo("uploader");
        assertThat(new ResumeSubmitted("r1", 1, resume).ownerUserId()).isNull();
    }

    @Test
    void enumsUseTheirWireNames() {
        var job = new Job("Backend Engineer", "Acme", "Berlin", ExperienceLevel.SENIOR, null, List.of(), List.of(),
                null, null);
        var envelope = EventEnvelope.of("job.submitted", UUID.randomUUID(), "t", "j", null, null,
                new JobSubmitted("j", 1, job));
        String json = new String(Topics.JOB_SUBMITTED.encode(envelope), StandardCharsets.UTF_8);
        assertThat(json).contains("\"experienceLevel\":\"Senior\"").contains("\"status\":\"active\"");
        assertThat(Topics.JOB_SUBMITTED.decode(json.getBytes()).payload().job().status()).isEqualTo(JobStatus.ACTIVE);

        var task = EventEnvelope.of("task.events", UUID.randomUUID(), "t", "j", null, null,
                TaskEvent.running(TaskType.JOB_EMBEDDING));
        String taskJson = new String(Topics.TASK_EVENTS.encode(task), StandardCharsets.UTF_8);
        assertThat(taskJson).contains("\"type\":\"job.embedding\"").contains("\"state\":\"RUNNING\"");
        assertThat(Topics.TASK_EVENTS.decode(taskJson.getBytes()).payload().state()).isEqualTo(TaskState.RUNNING);
    }

    @Test
    void malformedRecordsRaiseSerializationException() {
        assertThatThrownBy(() -> Topics.RESUME_SUBMITTED.decode("{not json".getBytes()))
                .isInstanceOf(SerializationException.class);
        assertThatThrownBy(() -> Topics.RESUME_SUBMITTED.decode("{\"id\":\"x\"}".getBytes()))
                .isInstanceOf(SerializationException.class).hasMessageContaining("no payload");
    }
}
