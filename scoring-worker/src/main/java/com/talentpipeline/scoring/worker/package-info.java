/** The Kafka side: scores every resume version and every submitted interview, stores and publishes the results. */
package com.talentpipeline.scoring.worker;
