/** Shared configuration every service gets by depending on pipeline-core (Spring Boot auto-configuration). */
package com.talentpipeline.core.config;
