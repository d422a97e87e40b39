package com.talentpipeline.core.web.wire;

import java.util.function.Consumer;
import org.springframework.http.ProblemDetail;
import org.springframework.http.codec.CodecConfigurer;
import org.springframework.http.converter.json.ProblemDetailJacksonMixin;
import org.springframework.http.codec.json.JacksonJsonDecoder;
import org.springframework.http.codec.json.JacksonJsonEncoder;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

/**
 * The two mappers of the HTTP codecs. Kafka payloads use {@code PipelineJson}, not these.
 */
public final class WireJson {

    private WireJson() {
    }

    /** Puts both mappers into a codec configurer (the application's, or a test client's). */
    public static void install(CodecConfigurer configurer, Consumer<JsonMapper.Builder> customize) {
        configurer.defaultCodecs().jacksonJsonEncoder(new JacksonJsonEncoder(writer(customize)));
        configurer.defaultCodecs().jacksonJsonDecoder(new JacksonJsonDecoder(reader(customize)));
    }

    /** Writes responses: every lowerCamelCase key snake_case (see {@link WireNames}). */
    public static JsonMapper writer(Consumer<JsonMapper.Builder> customize) {
        JsonMapper.Builder builder = JsonMapper.builder(JsonFactory.builder().addDecorator(new SnakeCaseNames()).build())
                // As Spring's default encoder: a problem's extension members at the top level (code, errors).
                .addMixIn(ProblemDetail.class, ProblemDetailJacksonMixin.class);
        customize.accept(builder);
        return builder.build();
    }

    /** Reads requests: snake_case keys, and the camelCase Java names as aliases for one release. */
    public static JsonMapper reader(Consumer<JsonMapper.Builder> customize) {
        JsonMapper.Builder builder = JsonMapper.builder().addMixIn(ProblemDetail.class, ProblemDetailJacksonMixin.class);
        customize.accept(builder);
        return builder.propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .annotationIntrospector(new CamelCaseAliases())
                .build();
    }
}
