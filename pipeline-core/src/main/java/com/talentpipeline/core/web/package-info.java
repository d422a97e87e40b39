/** RFC 9457 problem+json error bodies shared by every HTTP API. */
package com.talentpipeline.core.web;
