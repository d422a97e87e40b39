package com.talentpipeline.ingest.resume;

import com.talentpipeline.core.tenant.RequestTenant;
import com.talentpipeline.ingest.submission.SubmissionService;
import com.talentpipeline.core.task.intake.TaskAccepted;
import com.talentpipeline.ingest.web.Responses;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * {@code DELETE /v1/users/{userId}}: erases every resume of the user (as {@code DELETE /v1/resumes/{id}}
 * does for one) in one {@code erasure} task; 202 with the task (RUNNING until every participant reported),
 * 404 when the tenant has none for the user.
 */
@RestController
class UserController {

    private final ResumeErasure erasure;
    private final Responses responses;

    public UserController(ResumeErasure erasure, Responses responses) {
        this.erasure = erasure;
        this.responses = responses;
    }

    @DeleteMapping("/v1/users/{userId}")
    public Mono<ResponseEntity<TaskAccepted>> delete(@PathVariable String userId, ServerWebExchange exchange) {
        return erasure.eraseUser(RequestTenant.of(exchange), userId)
                .map(erased -> responses.accepted(new com.talentpipeline.core.task.intake.Accepted(erased.taskId(), null, false),
                        (a, url) -> new TaskAccepted(a.taskId(), null, null, "RUNNING", url, null)));
    }
}
