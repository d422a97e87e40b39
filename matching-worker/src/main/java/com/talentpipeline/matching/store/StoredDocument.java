package com.talentpipeline.matching.store;

import java.util.List;

/**
 * What the worker reads of a stored resume or job: ids, version, content hash and the skill names.
 *
 * @param id          resume or job id
 * @param tenantId    owner
 * @param version     latest stored version
 * @param contentHash hash of that version's content
 * @param skills      skill names of the content ({@code skills[].name})
 * @param status      job status ({@code active}/{@code closed}); null for resumes
 */
public record StoredDocument(String id, String tenantId, int version, String contentHash, List<String> skills,
        String status) {
}
