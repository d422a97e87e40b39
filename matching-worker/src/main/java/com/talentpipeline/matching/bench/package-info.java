/**
 * Operator tools: the recommendation benchmark over a large synthetic-but-realistic job index (run by
 * hand or by the bench module; never part of the service's request path).
 */
package com.talentpipeline.matching.bench;
