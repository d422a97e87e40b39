package com.talentpipeline.core.web.wire;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.Schema;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springdoc.core.customizers.OpenApiCustomizer;

/**
 * Renames the schema properties of the OpenAPI document by the codec's rule ({@link WireNames}), so the
 * document shows the keys a client sends and receives. Springdoc derives schemas from the Java types
 * with their Java (camelCase) names; the codecs rename on the wire.
 */
final class SnakeCaseSchemas implements OpenApiCustomizer {

    @Override
    public void customise(OpenAPI openApi) {
        Set<Schema<?>> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        if (openApi.getComponents() != null && openApi.getComponents().getSchemas() != null) {
            openApi.getComponents().getSchemas().values().forEach(schema -> rename(schema, seen));
        }
        if (openApi.getPaths() == null) {
            return;
        }
        openApi.getPaths().values().forEach(item -> item.readOperations().forEach(operation -> {
            if (operation.getRequestBody() != null) {
                rename(operation.getRequestBody().getContent(), seen);
            }
            if (operation.getResponses() != null) {
                operation.getResponses().values().forEach(response -> rename(response.getContent(), seen));
            }
        }));
    }

    private static void rename(Content content, Set<Schema<?>> seen) {
        if (content != null) {
            content.values().forEach(media -> rename(media.getSchema(), seen));
        }
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static void rename(Schema<?> schema, Set<Schema<?>> seen) {
        if (schema == null || !seen.add(schema)) {
            return;
        }
        Map<String, Schema> properties = schema.getProperties();
        if (properties != null) {
            Map<String, Schema> renamed = new LinkedHashMap<>();
            properties.forEach((name, property) -> renamed.put(WireNames.snake(name), property));
            schema.setProperties(renamed);
            renamed.values().forEach(property -> rename(property, seen));
        }
        List<String> required = schema.getRequired();
        if (required != null) {
            List<String> names = new ArrayList<>();
            required.forEach(name -> names.add(WireNames.snake(name)));
            schema.setRequired(names);
        }
        rename(schema.getItems(), seen);
        if (schema.getAdditionalProperties() instanceof Schema additional) {
            rename(additional, seen);
        }
        for (List<Schema> group : new List[] {schema.getAllOf(), schema.getAnyOf(), schema.getOneOf()}) {
            if (group != null) {
                group.forEach(member -> rename(member, seen));
            }
        }
    }
}
