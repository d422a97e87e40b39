package com.talentpipeline.bench.matching;

import com.talentpipeline.inference.config.TextModelProperties;
import com.talentpipeline.inference.text.DjlTextEncoder;
import com.talentpipeline.inference.text.TextEncoder;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/** The real bundled text model (all-MiniLM-L6-v2), loaded once per test JVM. */
final class Model {

    private static TextEncoder encoder;

    private Model() {
    }

    static synchronized TextEncoder encoder() {
        if (encoder == null) {
            encoder = DjlTextEncoder.load(new TextModelProperties(), new SimpleMeterRegistry());
        }
        return encoder;
    }
}
