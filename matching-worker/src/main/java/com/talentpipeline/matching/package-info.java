/**
 * The matching worker: resume-job comparison, batch compare, recommendations over an in-memory job
 * index that follows {@code job.embedded}, job search and job clustering.
 */
package com.talentpipeline.matching;
