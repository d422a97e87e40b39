/** The HTTP API of the detection worker (port 8086). */
package com.talentpipeline.detection.web;
