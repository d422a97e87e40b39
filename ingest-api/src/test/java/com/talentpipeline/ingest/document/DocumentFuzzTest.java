package com.talentpipeline.ingest.document;

import com.talentpipeline.core.skill.SkillVocabulary;
import static org.assertj.core.api.Assertions.assertThat;

import com.talentpipeline.core.web.ApiProblemException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * 200 random, truncated and bit-flipped files through detection, extraction and parsing: each either
 * parses or ends in a 4xx problem; nothing else escapes (which the API would turn into a 500).
 */
class DocumentFuzzTest {

    @Test
    void randomAndDamagedFilesNeverEscapeAsServerErrors() {
        Random random = new Random(42);
        TextExtractor extractor = new TextExtractor(ExtractionLimits.defaults());
        ResumeTextParser parser = new ResumeTextParser(SkillVocabulary.defaults());
        String text = ResumeFixtures.CLASSIC.text();
        List<byte[]> seeds = List.of(TestDocuments.pdf(text), TestDocuments.docx(text), text.getBytes());
        List<byte[]> inputs = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            byte[] seed = seeds.get(i % seeds.size());
            inputs.add(switch (i % 4) {
                case 0 -> Arrays.copyOf(seed, random.nextInt(seed.length)); // truncated
                case 1 -> flip(seed, random, 1 + random.nextInt(20)); // bit flips
                case 2 -> randomBytes(random, seed, i); // magic bytes + noise
                default -> splice(seed, random);
            });
        }
        long started = System.nanoTime();
        int parsed = 0;
        int refused = 0;
        for (byte[] input : inputs) {
            try {
                DocumentType type = DocumentType.detect(input).orElseThrow(DocumentProblems::unsupported);
                parser.parse(extractor.extract(input, type).text());
                parsed++;
            } catch (ApiProblemException e) {
                assertThat(e.status().is4xxClientError()).as(e.code()).isTrue();
                refused++;
            }
        }
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        System.out.printf("fuzz: %d inputs, %d parsed, %d refused with 4xx, %d ms%n", inputs.size(), parsed, refused,
                took.toMillis());
        assertThat(parsed + refused).isEqualTo(200);
        assertThat(took).isLessThan(Duration.ofSeconds(20));
    }

    private static byte[] flip(byte[] seed, Random random, int flips) {
        byte[] copy = seed.clone();
        for (int i = 0; i < flips; i++) {
            int at = random.nextInt(copy.length);
            copy[at] ^= (byte) (1 << random.nextInt(8));
        }
        return copy;
    }

    private static byte[] randomBytes(Random random, byte[] seed, int i) {
        byte[] noise = new byte[random.nextInt(4096)];
        random.nextBytes(noise);
        System.arraycopy(seed, 0, noise, 0, Math.min(noise.length, i % 8 == 2 ? 5 : 4)); // keep the magic
        return noise;
    }

    private static byte[] splice(byte[] seed, Random random) {
        byte[] copy = seed.clone();
        int from = random.nextInt(copy.length);
        int len = Math.min(copy.length - from, random.nextInt(512));
        for (int i = 0; i < len; i++) {
            copy[from + i] = (byte) random.nextInt(256);
        }
        return copy;
    }
}
