package com.talentpipeline.core.web.wire;

import java.util.function.Consumer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.http.codec.CodecCustomizer;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.codec.json.JacksonJsonDecoder;
import org.springframework.http.codec.json.JacksonJsonEncoder;
import tools.jackson.databind.json.JsonMapper;

/**
 * Installs the API's JSON naming in every service's HTTP codecs (responses snake_case, requests
 * snake_case or, for one release, camelCase) and in its OpenAPI document. The application's other
 * Jackson settings (every {@link JsonMapperBuilderCustomizer}) apply to both mappers.
 */
@AutoConfiguration(afterName = "org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration")
@ConditionalOnClass({CodecCustomizer.class, JsonMapper.class, JacksonJsonEncoder.class})
public class WireJsonAutoConfiguration {

    /**
     * Last, so it replaces the default Jackson codecs Boot registers. The two mappers are built once here,
     * not each time a codec configurer (the server's, a WebClient builder's) is customized.
     */
    @Bean
    @Order(Ordered.LOWEST_PRECEDENCE)
    CodecCustomizer snakeCaseJsonCodecs(ObjectProvider<JsonMapperBuilderCustomizer> customizers) {
        Consumer<JsonMapper.Builder> application = builder -> customizers.orderedStream()
                .forEach(customizer -> customizer.customize(builder));
        JacksonJsonEncoder encoder = new JacksonJsonEncoder(WireJson.writer(application));
        JacksonJsonDecoder decoder = new JacksonJsonDecoder(WireJson.reader(application));
        return configurer -> {
            configurer.defaultCodecs().jacksonJsonEncoder(encoder);
            configurer.defaultCodecs().jacksonJsonDecoder(decoder);
        };
    }

    /** The OpenAPI document names properties as the codecs do (services with springdoc only). */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springdoc.core.customizers.OpenApiCustomizer")
    static class OpenApiNaming {

        @Bean
        @Order(20)
        SnakeCaseSchemas snakeCaseSchemas() {
            return new SnakeCaseSchemas();
        }
    }
}
