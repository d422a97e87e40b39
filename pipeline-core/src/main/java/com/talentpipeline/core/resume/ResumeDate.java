package com.talentpipeline.core.resume;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A resume date: {@code YYYY}, {@code YYYY-MM} or {@code YYYY-MM-DD}, optionally {@code present}. Null is valid. */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = ResumeDate.Validator.class)
public @interface ResumeDate {

    String message() default "must be YYYY, YYYY-MM or YYYY-MM-DD";

    boolean allowPresent() default false;

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Checks the value with {@link ResumeDates#parse}. */
    class Validator implements ConstraintValidator<ResumeDate, String> {
        private boolean allowPresent;

        @Override
        public void initialize(ResumeDate annotation) {
            allowPresent = annotation.allowPresent();
        }

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            if (value == null) {
                return true;
            }
            if (ResumeDates.isPresent(value)) {
                return allowPresent;
            }
            return ResumeDates.parse(value).isPresent();
        }
    }
}
