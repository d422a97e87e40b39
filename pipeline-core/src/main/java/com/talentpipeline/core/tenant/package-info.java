/** Which tenant a request acts for: the contract between the API-key filter and every handler. */
package com.talentpipeline.core.tenant;
