/** Which texts of a resume or job are embedded, per section, and how item vectors are pooled. */
package com.talentpipeline.embedding.section;
