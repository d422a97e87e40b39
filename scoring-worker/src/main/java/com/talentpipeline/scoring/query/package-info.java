/**
 * Queries the scoring worker answers through Kafka request-reply with no task ({@code Responder} without a
 * task type): a resume's score against a job ({@code score.requested}, asked by the results API) and the
 * tenant's stored career taxonomies ({@code taxonomy.requested}, asked at the front door).
 */
package com.talentpipeline.scoring.query;
