package com.talentpipeline.ingest.web;

import com.talentpipeline.core.task.intake.Accepted;
import com.talentpipeline.core.task.intake.TaskAccepted;
import com.talentpipeline.core.web.ApiProblemException;
import com.talentpipeline.core.web.FieldProblem;
import com.talentpipeline.ingest.config.IngestProperties;
import java.util.List;
import java.util.function.BiFunction;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/** Builds the 202 answer and checks the request headers every submission shares. */
@Component
public class Responses {

    private static final Pattern IDEMPOTENCY_KEY = Pattern.compile("[\\x21-\\x7E]{1,200}");

    private final IngestProperties properties;

    public Responses(IngestProperties properties) {
        this.properties = properties;
    }

    /** 202 with {@code Location} on the results API. */
    public ResponseEntity<TaskAccepted> accepted(Accepted accepted,
            BiFunction<Accepted, String, TaskAccepted> body) {
        return body.apply(accepted, TaskAccepted.taskUrl(properties.resultsBaseUrl(), accepted.taskId())).response();
    }

    /** The Idempotency-Key if valid (1-200 visible ASCII characters), null if absent. */
    public static String idempotencyKey(String header) {
        if (header == null) {
            return null;
        }
        if (!IDEMPOTENCY_KEY.matcher(header).matches()) {
            throw new ApiProblemException(HttpStatus.BAD_REQUEST, "invalid_header",
                    "Idempotency-Key must be 1-200 visible ASCII characters",
                    List.of(new FieldProblem("Idempotency-Key", "must be 1-200 visible ASCII characters")), null);
        }
        return header;
    }
}
