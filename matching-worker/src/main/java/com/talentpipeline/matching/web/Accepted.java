package com.talentpipeline.matching.web;

import com.talentpipeline.matching.task.TaskPublisher.TaskRef;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** The 202 body of a task: id, subject, status and where to poll it (results API). */
final class Accepted {

    private Accepted() {
    }

    static ResponseEntity<Map<String, Object>> of(TaskRef task, String resultsBaseUrl) {
        String url = resultsBaseUrl.replaceAll("/+$", "") + "/v1/tasks/" + task.taskId();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("taskId", task.taskId().toString());
        body.put("type", task.type().wireName());
        body.put("subjectId", task.subjectId());
        body.put("status", "ACCEPTED");
        body.put("taskUrl", url);
        return ResponseEntity.status(HttpStatus.ACCEPTED).location(URI.create(url)).body(body);
    }
}
