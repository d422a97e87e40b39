/** Settings of the matching worker and its Spring wiring. */
package com.talentpipeline.matching.config;
