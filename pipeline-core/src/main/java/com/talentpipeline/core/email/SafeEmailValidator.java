package com.talentpipeline.core.email;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

/** Checks {@link SafeEmail}; the violation message says what is wrong (which character, which scripts). */
public class SafeEmailValidator implements ConstraintValidator<SafeEmail, CharSequence> {

    @Override
    public boolean isValid(CharSequence value, ConstraintValidatorContext context) {
        String problem = value == null ? null : EmailAddresses.problem(value.toString());
        if (problem == null) {
            return true;
        }
        context.disableDefaultConstraintViolation();
        // The part quoted in the reason comes from the client: escape what the template language reads.
        context.buildConstraintViolationWithTemplate(problem.replace("\\", "\\\\").replace("{", "\\{")
                .replace("}", "\\}").replace("$", "\\$")).addConstraintViolation();
        return false;
    }
}
