package com.talentpipeline.core.web.wire;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.PropertyName;
import tools.jackson.databind.cfg.MapperConfig;
import tools.jackson.databind.introspect.Annotated;
import tools.jackson.databind.introspect.AnnotatedConstructor;
import tools.jackson.databind.introspect.AnnotatedField;
import tools.jackson.databind.introspect.AnnotatedParameter;
import tools.jackson.databind.introspect.JacksonAnnotationIntrospector;

/**
 * Request bodies are read snake_case; this keeps the Java (camelCase) name of each property as an alias,
 * so clients written against the previous release still bind for one more release.
 */
final class CamelCaseAliases extends JacksonAnnotationIntrospector {

    private static final long serialVersionUID = 1L;

    @Override
    public List<PropertyName> findPropertyAliases(MapperConfig<?> config, Annotated member) {
        List<PropertyName> declared = super.findPropertyAliases(config, member);
        String javaName = javaName(member);
        if (javaName == null || javaName.equals(WireNames.snake(javaName))) {
            return declared;
        }
        List<PropertyName> aliases = declared == null ? new ArrayList<>() : new ArrayList<>(declared);
        aliases.add(PropertyName.construct(javaName));
        return aliases;
    }

    /** The Java name of a field, setter or record component (a record's canonical constructor parameter). */
    private static String javaName(Annotated member) {
        if (member instanceof AnnotatedField field) {
            return field.getName();
        }
        if (member instanceof AnnotatedParameter parameter) {
            Class<?> owner = parameter.getDeclaringClass();
            RecordComponent[] components = owner.getRecordComponents();
            if (components != null && parameter.getOwner() instanceof AnnotatedConstructor constructor
                    && constructor.getParameterCount() == components.length
                    && parameter.getIndex() < components.length) {
                return components[parameter.getIndex()].getName();
            }
        }
        return null;
    }
}
