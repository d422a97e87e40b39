/** Kafka settings of the results API. */
package com.talentpipeline.results.config;
