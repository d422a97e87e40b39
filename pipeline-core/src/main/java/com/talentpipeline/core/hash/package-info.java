/** Content hashing: canonical, normalised SHA-256 used for cache keys and event content hashes. */
package com.talentpipeline.core.hash;
