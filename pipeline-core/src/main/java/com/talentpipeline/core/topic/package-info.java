/** The typed topic registry: each topic with its name, serdes, partitions and clean-up policy. */
package com.talentpipeline.core.topic;
