/** The HTTP API of the scoring worker (port 8084). */
package com.talentpipeline.scoring.web;
