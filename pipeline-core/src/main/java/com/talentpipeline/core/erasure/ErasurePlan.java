package com.talentpipeline.core.erasure;

import java.util.List;

/**
 * What an erasure task waits for: every listed participant's report on every listed resume. Ids only,
 * no personal data; it becomes part of the task's result.
 *
 * @param participants the participants that must report ({@code pipeline.erasure.participants})
 * @param resumes      the erased resume ids
 * @param tombstones   the compaction tombstones written ({@code topic:key})
 * @param events       the erasure events published ({@code topic:key:deleted})
 */
public record ErasurePlan(List<String> participants, List<String> resumes, List<String> tombstones,
        List<String> events) {

    public ErasurePlan {
        participants = List.copyOf(participants);
        resumes = List.copyOf(resumes);
        tombstones = tombstones == null ? List.of() : List.copyOf(tombstones);
        events = events == null ? List.of() : List.copyOf(events);
    }
}
