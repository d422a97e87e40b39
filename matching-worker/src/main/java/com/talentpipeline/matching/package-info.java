/**
 * The matching worker: resume-job comparison, batch compare, recommendations over an in-memory job
 * index that follows {@code job.embedded}, job search, a job's candidates and job clustering. It has no
 * public HTTP API (actuator only): the front door asks it through Kafka ({@code query}, {@code task}).
 */
package com.talentpipeline.matching;
