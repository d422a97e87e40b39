/** {@code GET /v1/resumes/{id}}: a resume's current version as parsed, with its parse report. */
package com.talentpipeline.results.resume;
