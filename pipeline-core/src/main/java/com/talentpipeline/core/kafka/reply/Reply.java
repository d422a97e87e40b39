package com.talentpipeline.core.kafka.reply;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.talentpipeline.core.web.ApiProblemException;
import com.talentpipeline.core.web.FieldProblem;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import tools.jackson.databind.JsonNode;

/**
 * Payload of {@code request.replies}: a worker's answer to one request, for the front-door instance that
 * waits for it. Either a result ({@code status} 200, {@code body}) or a problem (a 4xx/5xx status with the
 * machine-readable {@code code}, the {@code detail} and the offending fields), which the front door answers
 * as the same problem+json the worker would have.
 *
 * @param correlationId the request's task id
 * @param status        HTTP status the front door answers with
 * @param body          the result on 200
 * @param code          the problem code otherwise, e.g. {@code not_found}
 * @param detail        what went wrong
 * @param fields        the fields at fault, may be empty
 * @param retryAfterMillis the Retry-After of a problem that passes (e.g. 409 {@code not_ready}), or null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Reply(UUID correlationId, int status, JsonNode body, String code, String detail,
        List<FieldProblem> fields, Long retryAfterMillis) {

    /** A result. */
    public static Reply ok(UUID correlationId, JsonNode body) {
        return new Reply(correlationId, 200, body, null, null, null, null);
    }

    /** The problem of a refused request. */
    public static Reply problem(UUID correlationId, ApiProblemException problem) {
        return new Reply(correlationId, problem.status().value(), null, problem.code(), problem.getMessage(),
                problem.fields() == null ? List.of() : problem.fields(),
                problem.retryAfter() == null ? null : problem.retryAfter().toMillis());
    }

    /** Whether the request was answered with a result. */
    public boolean isOk() {
        return status == 200;
    }

    /** The problem as the exception the web layer renders as problem+json. */
    public ApiProblemException toProblem() {
        HttpStatus s = HttpStatus.resolve(status);
        return new ApiProblemException(s == null ? HttpStatus.INTERNAL_SERVER_ERROR : s,
                code == null ? "internal_error" : code, detail == null ? "The request failed" : detail,
                fields == null ? List.of() : fields,
                retryAfterMillis == null ? null : java.time.Duration.ofMillis(retryAfterMillis));
    }
}
