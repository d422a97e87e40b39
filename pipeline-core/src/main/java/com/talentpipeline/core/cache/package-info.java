/** The content-addressed Redis cache with per-kind TTLs. */
package com.talentpipeline.core.cache;
