/** PostgreSQL access of the matching worker: reads of ingest's resumes/jobs tables (known ownership violations, see TableOwnershipTest). */
package com.talentpipeline.matching.store;
