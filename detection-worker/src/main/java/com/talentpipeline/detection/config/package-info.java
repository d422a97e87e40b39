/** Settings (pipeline.detection.*) and bean wiring of the detection worker. */
package com.talentpipeline.detection.config;
