/**
 * The door cache: results already known for a submission's content, written by the results API and read
 * by the ingest API to answer a resubmission at once.
 */
package com.talentpipeline.core.door;
