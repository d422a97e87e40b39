/** Settings and web plumbing of the ingest API. */
package com.talentpipeline.ingest.config;
