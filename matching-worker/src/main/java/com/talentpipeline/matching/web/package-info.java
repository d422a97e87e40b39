/** The HTTP API of the matching worker (port 8085). */
package com.talentpipeline.matching.web;
