/** Questions from the front door ({@code rag.requested}), answered with a reply and a task event. */
package com.talentpipeline.rag.query;
