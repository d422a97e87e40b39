/** Shared contracts of the talent pipeline: events, topics, tasks, payloads, hashing, cache, configuration and the Kafka consume kit. */
package com.talentpipeline.core;
