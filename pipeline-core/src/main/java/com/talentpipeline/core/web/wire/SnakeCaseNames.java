package com.talentpipeline.core.web.wire;

import tools.jackson.core.JsonGenerator;
import tools.jackson.core.SerializableString;
import tools.jackson.core.TokenStreamFactory;
import tools.jackson.core.util.JsonGeneratorDecorator;
import tools.jackson.core.util.JsonGeneratorDelegate;

/**
 * Renames every key as it is written, whatever wrote it: a record, a {@code Map}, a stored result's
 * {@code JsonNode}, a problem's extension members. One rule in one place, so no response can slip
 * through with the other convention.
 */
final class SnakeCaseNames implements JsonGeneratorDecorator {

    @Override
    public JsonGenerator decorate(TokenStreamFactory factory, JsonGenerator generator) {
        return new JsonGeneratorDelegate(generator, true) {
            @Override
            public JsonGenerator writeName(String name) {
                return super.writeName(WireNames.snake(name));
            }

            @Override
            public JsonGenerator writeName(SerializableString name) {
                String value = name.getValue();
                String renamed = WireNames.snake(value);
                return renamed.equals(value) ? super.writeName(name) : super.writeName(renamed);
            }
        };
    }
}
