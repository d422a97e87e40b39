/** The resume schema, its events and the experience arithmetic every worker shares. */
package com.talentpipeline.core.resume;
