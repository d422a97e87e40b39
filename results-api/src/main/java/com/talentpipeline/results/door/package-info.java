/** The door cache's one writer: known resume results recorded for the ingest API to answer resubmissions. */
package com.talentpipeline.results.door;
