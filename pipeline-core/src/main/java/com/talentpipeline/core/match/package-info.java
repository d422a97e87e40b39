/** Contracts of the matching worker's requests: what the front door asks it. */
package com.talentpipeline.core.match;
