/** Shared contracts of the talent pipeline: events, topics, tasks, payloads, hashing, cache and configuration. */
package com.talentpipeline.core;
