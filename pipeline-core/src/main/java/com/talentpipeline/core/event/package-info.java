/** The event envelope carried on every topic. */
package com.talentpipeline.core.event;
