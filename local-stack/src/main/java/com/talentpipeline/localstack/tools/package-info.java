/** Operator tools that run against a pipeline's Kafka: re-driving dead-lettered records. */
package com.talentpipeline.localstack.tools;
