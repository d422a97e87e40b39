package com.talentpipeline.results.prediction;

/**
 * The owner of a resume in SQL, from this service's projection of {@code resume.submitted}
 * ({@code resume_versions}): the user the newest version naming one named, as the ingest API keeps
 * {@code resumes.user_id} (a submission without a user id keeps the owner).
 */
final class ResumeOwners {

    /** A lateral subquery giving {@code user_id}, the owner of resume {@code u.subject_id} in {@code :tenant}. */
    static final String OWNER_OF_SUBJECT = """
                SELECT o.user_id FROM resume_versions o
                WHERE o.tenant_id = :tenant AND o.resume_id = u.subject_id AND o.user_id IS NOT NULL
                ORDER BY o.version DESC LIMIT 1""";

    /** A scalar subquery: the owner of resume {@code u.resume_id} in {@code :tenant}. */
    static final String OWNER_OF_RESUME = """
            SELECT o.user_id FROM resume_versions o
            WHERE o.tenant_id = :tenant AND o.resume_id = u.resume_id AND o.user_id IS NOT NULL
            ORDER BY o.version DESC LIMIT 1""";

    /** A scalar subquery: the owner of prediction row {@code p}'s resume. */
    static final String OWNER_OF_PREDICTION = """
            (SELECT o.user_id FROM resume_versions o
             WHERE o.tenant_id = p.tenant_id AND o.resume_id = p.resume_id AND o.user_id IS NOT NULL
             ORDER BY o.version DESC LIMIT 1)""";

    /**
     * The ids of the resumes some version of which named {@code :user} in {@code :tenant} (a superset of the
     * user's resumes, narrowed by the owner test; it lets the index on (tenant_id, user_id) find them).
     */
    static final String RESUMES_OF_USER =
            "SELECT u.resume_id FROM resume_versions u WHERE u.tenant_id = :tenant AND u.user_id = :user";

    private ResumeOwners() {
    }
}
