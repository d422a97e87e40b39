package com.talentpipeline.core.email;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The e-mail address holds no invisible or control characters and mixes no look-alike scripts
 * ({@link EmailAddresses#problem}); use with {@code @Email}, which checks the syntax. Null is valid.
 */
@Documented
@Constraint(validatedBy = SafeEmailValidator.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE,
        ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
public @interface SafeEmail {

    String message() default "must not contain invisible characters or mix scripts";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
