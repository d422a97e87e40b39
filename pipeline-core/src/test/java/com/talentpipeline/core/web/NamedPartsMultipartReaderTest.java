package com.talentpipeline.core.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.springframework.core.ResolvableType;
import org.springframework.core.codec.DecodingException;
import org.springframework.http.codec.HttpMessageReader;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.http.codec.multipart.DefaultPartHttpMessageReader;
import org.springframework.http.codec.multipart.Part;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.util.MultiValueMap;

/** Unnamed parts are a decoding error (a 400), named ones a form; Spring's part settings still apply. */
class NamedPartsMultipartReaderTest {

    private final NamedPartsMultipartReader reader = new NamedPartsMultipartReader(new DefaultPartHttpMessageReader());

    private MultiValueMap<String, Part> read(String body) {
        MockServerHttpRequest request = MockServerHttpRequest.post("/upload")
                .header("Content-Type", "multipart/form-data; boundary=b")
                .body(body);
        return reader.readMono(ResolvableType.forClass(MultiValueMap.class), request, Map.of()).block();
    }

    @Test
    void namedPartsMakeTheForm() {
        MultiValueMap<String, Part> form = read("--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.txt\"\r\n"
                + "\r\nhello\r\n--b\r\nContent-Disposition: form-data; name=\"userId\"\r\n\r\nu1\r\n--b--\r\n");
        assertThat(form.keySet()).containsExactly("file", "userId");
    }

    @Test
    void aPartWithoutANameIsADecodingError() {
        for (String head : new String[] {"", "Content-Type: text/plain\r\n", "Content-Disposition: form-data\r\n",
                "Content-Disposition: form-data; filename=\"a.txt\"\r\n", "Content-Disposition: form-data; name=\"\"\r\n"}) {
            String body = "--b\r\nContent-Disposition: form-data; name=\"ok\"\r\n\r\nx\r\n--b\r\n" + head
                    + "\r\nhello\r\n--b--\r\n";
            assertThatThrownBy(() -> read(body)).as(head).isInstanceOf(DecodingException.class)
                    .hasMessageContaining("Content-Disposition");
        }
    }

    @Test
    void theCustomizerInstallsItAndTheCodecSettingsReachItsPartReader() {
        ServerCodecConfigurer configurer = ServerCodecConfigurer.create();
        new MultipartAutoConfiguration().namedPartsMultipartReader().customize(configurer);
        configurer.defaultCodecs().maxInMemorySize(12345);
        Consumer<Object> maxParts = codec -> {
            if (codec instanceof DefaultPartHttpMessageReader parts) {
                parts.setMaxParts(1); // as Boot applies spring.webflux.multipart.max-parts
            }
        };
        configurer.defaultCodecs().configureDefaultCodec(maxParts);
        NamedPartsMultipartReader installed = configurer.getReaders().stream()
                .filter(NamedPartsMultipartReader.class::isInstance).map(NamedPartsMultipartReader.class::cast)
                .findFirst().orElseThrow();
        HttpMessageReader<Part> partReader = installed.getPartReader();
        assertThat(((DefaultPartHttpMessageReader) partReader).getMaxInMemorySize()).isEqualTo(12345);
        MockServerHttpRequest twoParts = MockServerHttpRequest.post("/upload")
                .header("Content-Type", "multipart/form-data; boundary=b")
                .body("--b\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nx\r\n--b\r\n"
                        + "Content-Disposition: form-data; name=\"b\"\r\n\r\ny\r\n--b--\r\n");
        assertThatThrownBy(() -> installed.readMono(ResolvableType.forClass(MultiValueMap.class), twoParts, Map.of())
                .block()).isInstanceOf(DecodingException.class).hasMessageContaining("parts");
    }
}
