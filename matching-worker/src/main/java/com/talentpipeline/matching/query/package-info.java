/**
 * The matching worker's answers to the front door's requests on Kafka (batch comparisons, clusters, job
 * search, candidates, recommendations): the worker serves no HTTP API besides actuator.
 */
package com.talentpipeline.matching.query;
