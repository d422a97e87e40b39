/** Settings of the scoring worker and its Kafka error policy. */
package com.talentpipeline.scoring.config;
