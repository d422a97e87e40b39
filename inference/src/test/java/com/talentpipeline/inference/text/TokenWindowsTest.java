package com.talentpipeline.inference.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Token-window splitting on the bundled BERT tokenizer, with a small limit so windows are easy to see. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TokenWindowsTest {

    private HuggingFaceTokenizer counter;

    @BeforeAll
    void load() throws IOException {
        counter = HuggingFaceTokenizer.builder()
                .optTokenizerPath(BundledTextModel.extractTokenizer(ModelDescriptor.of(BundledTextModel.NAME)))
                .optPadding(false)
                .optTruncation(false)
                .build();
    }

    @AfterAll
    void close() {
        counter.close();
    }

    @Test
    void shortTextIsOneWindowUnchanged() {
        TokenWindows windows = new TokenWindows(counter, 256);
        assertThat(windows.specialTokens()).isEqualTo(2); // [CLS] and [SEP]
        String text = "Senior Java engineer, Kafka & PostgreSQL.";
        assertThat(windows.split(text)).singleElement()
                .satisfies(w -> assertThat(w.text()).isSameAs(text));
    }

    @Test
    void longTextIsCoveredByWindowsWithinTheLimitWithoutSplittingWords() {
        int maxTokens = 16;
        TokenWindows windows = new TokenWindows(counter, maxTokens);
        String text = TestTexts.backendText(300);
        List<TokenWindows.Window> split = windows.split(text);

        assertThat(split).hasSizeGreaterThan(10);
        for (TokenWindows.Window w : split) {
            assertThat(counter.encode(w.text(), true, false).getIds()).hasSizeLessThanOrEqualTo(maxTokens);
            assertThat(w.tokens()).isEqualTo(counter.encode(w.text(), true, false).getIds().length);
        }
        // Nothing lost or duplicated: the windows re-tokenise to exactly the original token sequence.
        List<String> original = Arrays.asList(counter.encode(text, false, false).getTokens());
        List<String> rejoined = split.stream()
                .flatMap(w -> Arrays.stream(counter.encode(w.text(), false, false).getTokens()))
                .collect(Collectors.toList());
        assertThat(rejoined).isEqualTo(original);
    }

    @Test
    void mapsOffsetsCorrectlyAroundSupplementaryCharacters() {
        TokenWindows windows = new TokenWindows(counter, 8);
        String text = "Rocket 🚀 résumé naïve café 🎉 Zürich 🍰 pâtisserie über crème brûlée 🚀 end";
        List<TokenWindows.Window> split = windows.split(text);
        assertThat(split).hasSizeGreaterThan(1);
        String joined = split.stream().map(TokenWindows.Window::text).collect(Collectors.joining(" "));
        assertThat(joined).isEqualTo(text);
    }

    @Test
    void cutsInsideAWordOnlyWhenOneWordFillsAWindow() {
        TokenWindows windows = new TokenWindows(counter, 6);
        String word = "zqxjkvbwzqxjkvbwzqxjkvbw"; // many word pieces, one word
        List<TokenWindows.Window> split = windows.split(word + " java");
        assertThat(split).hasSizeGreaterThan(1);
        assertThat(word).startsWith(split.get(0).text()).isNotEqualTo(split.get(0).text());
        assertThat(split.stream().map(TokenWindows.Window::text).collect(Collectors.joining()).replace(" ", ""))
                .isEqualTo(word + "java");
    }

    @Test
    void rejectsLimitsWithNoRoomForText() {
        assertThatThrownBy(() -> new TokenWindows(counter, 2)).isInstanceOf(IllegalArgumentException.class);
    }
}
