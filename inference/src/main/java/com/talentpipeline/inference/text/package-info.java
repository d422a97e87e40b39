/**
 * Text embedding: the {@link com.talentpipeline.inference.text.TextEncoder} contract and its DJL
 * implementation, including token-window handling of texts longer than the model's limit.
 */
package com.talentpipeline.inference.text;
