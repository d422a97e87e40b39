package com.talentpipeline.matching.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.talentpipeline.core.event.EventEnvelope;
import com.talentpipeline.core.json.PipelineJson;
import com.talentpipeline.core.kafka.reply.RequestHandler;
import com.talentpipeline.core.web.ApiProblemException;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Asks a query as the responder would (an envelope with a task id and tenant) and reads the answer as the
 * client's JSON, or the refusal as the problem the front door renders.
 */
final class Asked {

    private Asked() {
    }

    static <Q> EventEnvelope<Q> request(String tenant, String subject, Q payload) {
        return EventEnvelope.of("test.requested", UUID.randomUUID(), tenant, subject, null, null, payload);
    }

    /** The answer's result as the JSON the client gets (the reply's body and the task's result). */
    @SuppressWarnings("unchecked")
    static Map<String, Object> json(RequestHandler.Answer answer) {
        return PipelineJson.mapper().convertValue(answer.result(), Map.class);
    }

    /** Asserts the query is refused with this status, code and (when given) first field. */
    static ApiProblemException refused(Supplier<?> query, int status, String code, String field) {
        ApiProblemException problem = catchThrowableOfType(ApiProblemException.class, query::get);
        assertThat(problem).as("refused with " + code).isNotNull();
        assertThat(problem.status().value()).isEqualTo(status);
        assertThat(problem.code()).isEqualTo(code);
        if (field != null) {
            assertThat(problem.fields()).isNotEmpty();
            assertThat(problem.fields().get(0).field()).isEqualTo(field);
        }
        return problem;
    }
}
