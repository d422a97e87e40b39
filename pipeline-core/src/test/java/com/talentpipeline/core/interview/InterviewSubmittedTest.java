package com.talentpipeline.core.interview;

import static org.assertj.core.api.Assertions.assertThat;

import com.talentpipeline.core.event.EventEnvelope;
import com.talentpipeline.core.topic.Topics;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class InterviewSubmittedTest {

    @Test
    void roundTripsOnItsTopicWithTheRubricsWireNames() {
        var interview = new InterviewSubmitted("iv-1", List.of(new InterviewSubmitted.Turn("interviewer", "Why?"),
                new InterviewSubmitted.Turn("candidate", "Because.")), new InterviewSubmitted.Rubric(0.2, 0.5, 0.3), "job-1");
        var sent = EventEnvelope.of(Topics.INTERVIEW_SUBMITTED_NAME, UUID.randomUUID(), "t1", "iv-1", null, null, interview);
        byte[] bytes = Topics.INTERVIEW_SUBMITTED.encode(sent);
        assertThat(new String(bytes, StandardCharsets.UTF_8)).contains("\"problem_solving\":0.3");
        assertThat(Topics.INTERVIEW_SUBMITTED.decode(bytes)).isEqualTo(sent);
        assertThat(Topics.byName("interview.submitted")).isSameAs(Topics.INTERVIEW_SUBMITTED);
        assertThat(Topics.INTERVIEW_SUBMITTED.deadLetterTopic()).isEqualTo("interview.submitted.DLT");
    }
}
