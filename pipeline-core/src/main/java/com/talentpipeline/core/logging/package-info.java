/** Log output format of every service: human-readable by default, JSON (ECS) with {@code LOG_FORMAT=json}. */
package com.talentpipeline.core.logging;
