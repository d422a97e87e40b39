package com.talentpipeline.core.web;

import java.util.Map;
import org.springframework.core.ResolvableType;
import org.springframework.core.codec.DecodingException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.ReactiveHttpInputMessage;
import org.springframework.http.codec.HttpMessageReader;
import org.springframework.http.codec.multipart.MultipartHttpMessageReader;
import org.springframework.http.codec.multipart.Part;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The multipart form reader of every service: Spring's, except that a part without a
 * {@code Content-Disposition} name (no header at all, or {@code form-data; filename="x"} only) is a
 * {@link DecodingException}, which every upload maps to 400 {@code malformed_multipart}. Spring's own
 * reader keys the form by {@link Part#name()}, which throws {@link IllegalStateException} for such a
 * part: a 500 for what is the client's error. Parts already read are deleted when the form is refused,
 * as Spring does for a cancelled form.
 */
class NamedPartsMultipartReader extends MultipartHttpMessageReader {

    private static final ResolvableType PART = ResolvableType.forClass(Part.class);

    public NamedPartsMultipartReader(HttpMessageReader<Part> partReader) {
        super(partReader);
    }

    @Override
    public Flux<MultiValueMap<String, Part>> read(ResolvableType elementType, ReactiveHttpInputMessage message,
            Map<String, Object> hints) {
        return readMono(elementType, message, hints).flux();
    }

    @Override
    public Mono<MultiValueMap<String, Part>> readMono(ResolvableType elementType, ReactiveHttpInputMessage message,
            Map<String, Object> hints) {
        return getPartReader().read(PART, message, hints)
                .<Part>handle((part, sink) -> {
                    if (name(part) == null) {
                        part.delete().subscribe();
                        sink.error(new DecodingException("a multipart part has no Content-Disposition with a name"));
                    } else {
                        sink.next(part);
                    }
                })
                .collect(LinkedMultiValueMap<String, Part>::new, (form, part) -> form.add(name(part), part))
                .<MultiValueMap<String, Part>>map(form -> form)
                .doOnDiscard(Part.class, part -> part.delete().subscribe())
                .doOnDiscard(LinkedMultiValueMap.class, form -> ((LinkedMultiValueMap<?, ?>) form).values()
                        .forEach(parts -> parts.forEach(p -> ((Part) p).delete().subscribe())));
    }

    private static String name(Part part) {
        ContentDisposition disposition = part.headers().getContentDisposition();
        String name = disposition.getName();
        return name == null || name.isEmpty() ? null : name;
    }
}
