package com.talentpipeline.ingest.document;

import static org.assertj.core.api.Assertions.assertThat;

import com.talentpipeline.core.skill.SkillVocabulary;
import org.junit.jupiter.api.Test;

/**
 * E-mail addresses in uploaded documents: invisible characters inside are dropped (the upload is not
 * refused for them), and an address with a look-alike letter is not cut down to a fragment.
 */
class ResumeTextParserEmailTest {

    private final ResumeTextParser parser = new ResumeTextParser(SkillVocabulary.defaults());

    private String email(String contactLine) {
        return parser.parse("JANE DOE\n" + contactLine + " | +1 415 555 0134\n\nSKILLS\nJava\n").resume().email();
    }

    @Test
    void invisibleCharactersInsideAnAddressAreDropped() {
        assertThat(email("ja\u200bne.doe@example.com")).isEqualTo("jane.doe@example.com");
        assertThat(email("jane.doe@exam\u00adple.com")).isEqualTo("jane.doe@example.com");
        assertThat(email("\u202ajane.doe@example.com\u202c")).isEqualTo("jane.doe@example.com");
        assertThat(email("jane\u2060.doe@example.com")).isEqualTo("jane.doe@example.com");
        assertThat(email("Email: jane.doe@example.com")).isEqualTo("jane.doe@example.com");
    }

    @Test
    void anAddressWithALookAlikeLetterIsNotCutToAFragment() {
        // Before, "j\u0430ne@example.com" (Cyrillic a) yielded "ne@example.com", someone else's address.
        assertThat(email("j\u0430ne@example.com")).isNull();
        assertThat(email("jane@ex\u0430mple.com")).isNull();
    }
}
