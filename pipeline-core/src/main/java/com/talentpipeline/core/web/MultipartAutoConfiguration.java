package com.talentpipeline.core.web;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.http.codec.CodecCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.http.codec.multipart.DefaultPartHttpMessageReader;

/**
 * Installs {@link NamedPartsMultipartReader} as the multipart reader of every service. Its part reader
 * is Spring's {@link DefaultPartHttpMessageReader}, which the codec configurer still reaches through
 * {@code getPartReader()}, so {@code spring.webflux.multipart.*} (max parts, disk usage per part, ...)
 * and {@code spring.codec.max-in-memory-size} still apply to it.
 */
@AutoConfiguration
@ConditionalOnClass(CodecCustomizer.class)
public class MultipartAutoConfiguration {

    /** The customizer; public so that tests binding a controller without Boot can apply it too. */
    @Bean
    public CodecCustomizer namedPartsMultipartReader() {
        return configurer -> {
            // Only the server reads multipart forms; WebClient codecs are left as they are.
            if (configurer instanceof ServerCodecConfigurer server) {
                server.defaultCodecs().multipartReader(new NamedPartsMultipartReader(new DefaultPartHttpMessageReader()));
            }
        };
    }
}
