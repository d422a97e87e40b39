/** Resume submissions. */
package com.talentpipeline.ingest.resume;
