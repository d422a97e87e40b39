/**
 * Resume and job documents: type detection by magic bytes, bounded text extraction (PDFBox, POI),
 * and rule-based parsing of the text into the {@code Resume} / {@code Job} schema with per-field
 * provenance. Everything here is plain Java without Spring so it can be unit-tested on generated files.
 */
package com.talentpipeline.ingest.document;
