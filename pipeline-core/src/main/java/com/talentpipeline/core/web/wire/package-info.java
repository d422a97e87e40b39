/**
 * The JSON naming of the HTTP API: snake_case keys in every response body, the seeds' convention
 * (see README, "JSON naming"). Request bodies accept snake_case and, for one release, the old camelCase
 * keys. Kafka payloads keep the envelope's camelCase: this applies to HTTP codecs only.
 */
package com.talentpipeline.core.web.wire;
