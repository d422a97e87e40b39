/** HTTP helpers shared by the ingest controllers. */
package com.talentpipeline.ingest.web;
