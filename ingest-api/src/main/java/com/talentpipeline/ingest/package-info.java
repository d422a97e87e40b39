/** The ingest API: validates submissions, stores them, creates the task and publishes the event. */
package com.talentpipeline.ingest;
