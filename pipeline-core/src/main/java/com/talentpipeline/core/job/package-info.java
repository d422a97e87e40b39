/** The job posting schema and its events. */
package com.talentpipeline.core.job;
