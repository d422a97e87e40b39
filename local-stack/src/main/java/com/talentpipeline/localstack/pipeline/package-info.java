/** The whole pipeline on one machine: every service started against a running stack. */
package com.talentpipeline.localstack.pipeline;
