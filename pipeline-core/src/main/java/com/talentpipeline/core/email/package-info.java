/**
 * The one rule for e-mail addresses the pipeline accepts: no invisible, bidirectional or control
 * characters and no mixing of look-alike scripts inside one part ({@link EmailAddresses}), enforced
 * on request bodies by {@link SafeEmail}.
 */
package com.talentpipeline.core.email;
