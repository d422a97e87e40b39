package com.talentpipeline.core.email;

import static org.assertj.core.api.Assertions.assertThat;

import com.talentpipeline.core.resume.Resume;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Deceptive addresses (homoglyphs, invisible characters) are refused; real ones, Unicode included, pass. */
class EmailAddressesTest {

    private static final Validator VALIDATOR = Validation.buildDefaultValidatorFactory().getValidator();

    @ParameterizedTest
    @ValueSource(strings = {
        "j\u0430ne@example.com", // Cyrillic a in a Latin local part
        "jane@ex\u0430mple.com", // Cyrillic a in a Latin domain label
        "jane@\u0440aypal.com", // Cyrillic er
        "jane@paypa\u03bf.com", // Greek omicron
        "\u03bdictor@example.com", // Greek nu
        "jane@example.c\u043em"})
    void mixedScriptsInOnePartAreRefused(String address) {
        assertThat(EmailAddresses.problem(address)).as(address).contains("mix letters of different scripts");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "jane\u200b@example.com", // zero-width space
        "ja\u200cne@example.com", // zero-width non-joiner
        "ja\u200dne@example.com", // zero-width joiner
        "jane@exam\u2060ple.com", // word joiner
        "\ufeffjane@example.com", // byte-order mark
        "jane@example.com\u202e", // right-to-left override
        "ja\u2066ne@example.com", // left-to-right isolate
        "ja\u200fne@example.com", // right-to-left mark
        "ja\u00adne@example.com", // soft hyphen
        "jane\u0007@example.com", // bell
        "ja\u0000ne@example.com",
        "ja\u3164ne@example.com", // Hangul filler
        "jan\ufe0fe@example.com", // variation selector
        "jane@exa\u034fmple.com"}) // combining grapheme joiner
    void invisibleAndControlCharactersAreRefused(String address) {
        assertThat(EmailAddresses.problem(address)).as(address).contains("invisible or control");
    }

    @ParameterizedTest
    @ValueSource(strings = {"jane.doe+cv@example.com", "o'brien@example.co.uk", "\u0438\u0432\u0430\u043d@example.com",
        "\u0438\u0432\u0430\u043d@\u043f\u0440\u0438\u043c\u0435\u0440.\u0440\u0444", "j\u00fcrgen@m\u00fcller.de",
        "\u7530\u4e2d\u305f\u308d\u3046@example.jp", "tanaka\u592a\u90ce@example.jp", "\u03b1\u03b2@example.gr"})
    void realAddressesPass(String address) {
        assertThat(EmailAddresses.problem(address)).as(address).isNull();
    }

    @Test
    void invisibleCharactersAreDroppedFromFoundAddresses() {
        assertThat(EmailAddresses.withoutInvisible("ja\u200bne.d\u00adoe@exa\u2060mple.com\u202c"))
                .isEqualTo("jane.doe@example.com");
        assertThat(EmailAddresses.withoutInvisible(null)).isNull();
    }

    @Test
    void aResumeWithADeceptiveAddressFailsValidationOnItsEmailField() {
        Resume resume = new Resume("Jane", "Doe", "j\u0430ne@example.com", null, null, List.of(), List.of(), List.of(),
                List.of());
        Set<ConstraintViolation<Resume>> violations = VALIDATOR.validate(resume);
        assertThat(violations).extracting(v -> v.getPropertyPath().toString()).containsExactly("email");
        assertThat(violations.iterator().next().getMessage()).contains("cyrillic, latin");
        Resume clean = new Resume("Jane", "Doe", "jane@example.com", null, null, List.of(), List.of(), List.of(),
                List.of());
        assertThat(VALIDATOR.validate(clean)).isEmpty();
        Resume hidden = new Resume("Jane", "Doe", "jane\u200b@example.com", null, null, List.of(), List.of(), List.of(),
                List.of());
        assertThat(VALIDATOR.validate(hidden)).extracting(ConstraintViolation::getMessage)
                .anyMatch(m -> m.contains("U+200B"));
    }
}
