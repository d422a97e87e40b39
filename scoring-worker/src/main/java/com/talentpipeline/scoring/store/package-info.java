/** PostgreSQL access of the scoring worker: its scores and taxonomies, and reads of the shared resumes and jobs tables. */
package com.talentpipeline.scoring.store;
