/**
 * Comparison of one resume with one job: skill-level matching (aliases, then embedding similarity of
 * skill names), experience fit against the job's level, the weighted match percentage and its advice.
 */
package com.talentpipeline.matching.compare;
