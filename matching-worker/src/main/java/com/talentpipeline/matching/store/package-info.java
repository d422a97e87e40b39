/** PostgreSQL access of the matching worker: the shared resumes/jobs tables (read only) and predictions. */
package com.talentpipeline.matching.store;
