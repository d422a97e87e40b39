/**
 * Vectors on the wire: a compact, exact encoding of model outputs for events and cache entries that
 * carry many of them (per-skill and per-chunk vectors).
 */
package com.talentpipeline.core.vector;
