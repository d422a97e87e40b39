/**
 * Requests from the front door: questions ({@code rag.requested}, answered with a reply and a task event)
 * and reads of the index ({@code rag.lookup}: a resume's chunks, info, health; queries answered by the
 * reply alone).
 */
package com.talentpipeline.rag.query;
