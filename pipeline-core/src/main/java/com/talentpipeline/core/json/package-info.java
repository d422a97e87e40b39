/** The one JSON mapper every service uses for events and cached values. */
package com.talentpipeline.core.json;
