/** Job posting submissions. */
package com.talentpipeline.ingest.job;
