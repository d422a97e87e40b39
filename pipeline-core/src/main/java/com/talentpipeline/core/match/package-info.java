/**
 * Contracts of the matching worker: what the front door asks it, and the answers it gives (the records the
 * worker builds its replies with, so the OpenAPI document types them as they travel).
 */
package com.talentpipeline.core.match;
