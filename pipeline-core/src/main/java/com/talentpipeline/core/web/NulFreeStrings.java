package com.talentpipeline.core.web;

import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.module.SimpleModule;

/**
 * Refuses the NUL character ({@code \u0000}) in every JSON string a client sends. PostgreSQL cannot
 * store it in text, so a value accepted with it would fail later, far from the request (a 500, or a
 * task whose result cannot be stored). Refused while decoding, it is a 400 naming the field.
 */
public final class NulFreeStrings extends StringDeserializer {

    private NulFreeStrings() {
    }

    /** The module to register on the mapper that decodes request bodies. */
    public static SimpleModule module() {
        return new SimpleModule("nul-free-strings").addDeserializer(String.class, new NulFreeStrings());
    }

    @Override
    public String deserialize(JsonParser parser, DeserializationContext context) {
        String value = super.deserialize(parser, context);
        if (value != null && value.indexOf('\u0000') >= 0) {
            throw InvalidFormatException.from(parser, "the NUL character (\\u0000) is not accepted in text",
                    value, String.class);
        }
        return value;
    }
}
