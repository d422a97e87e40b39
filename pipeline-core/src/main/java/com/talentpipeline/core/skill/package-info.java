/** The skills vocabulary with aliases, shared by parsing, scoring and matching. */
package com.talentpipeline.core.skill;
