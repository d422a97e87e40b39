package com.talentpipeline.matching.candidates;

import com.talentpipeline.matching.store.StoredResume;
import java.util.Collection;
import java.util.Map;

/** Where the ranker reads the stored resumes of its candidates (PostgreSQL in the worker, memory in the benchmark). */
@FunctionalInterface
public interface ResumeRows {

    /** The tenant's resumes among {@code ids} by id; an erased resume is absent. Blocking. */
    Map<String, StoredResume> find(String tenantId, Collection<String> ids);
}
