package io.hybridllm.router.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.hybridllm.contracts.RequestHints;
import io.hybridllm.contracts.TaskType;
import io.hybridllm.router.Prompts;
import io.hybridllm.router.ShippedConfig;

/**
 * The detectors read the whole of an untrusted prompt in linear time: a secret at the end of a megabyte of the worst
 * shape for each of them is found in time, and they find what the former (java.util.regex) detectors found.
 */
class SensitiveContentScanTest {

    private static final int MEGABYTE = 1 << 20;
    /** A hang guard, not a measurement. */
    private static final Duration HANG_GUARD = Duration.ofSeconds(10);
    private static final SensitiveContentDetector SHIPPED = new SensitiveContentDetector(ShippedConfig.privacy());

    private static String verdict(SensitiveContentDetector detector, String text) {
        return assertTimeoutPreemptively(HANG_GUARD, () -> detector
                .mustStayLocal(Prompts.request("p", TaskType.CHAT, text, RequestHints.NONE)).orElse("none"));
    }

    /** Near misses of every shipped detector, repeated: long runs of address, key and number characters. */
    private static final Map<String, String> WORST_SHAPES = Map.of("word run", "a", "a@", "a@", "a.", "a.",
            "almost a key", "sk-" + "a".repeat(19) + " ", "digits", "1", "ssn prefix", "123-45-", "nino prefix",
            "AB 12 34 ", "key header", "-----BEGIN ", "blank lines", "\n");

    @Test
    void aSecretAtTheEndOfAMegabyteOfTheWorstShapeIsFound() {
        WORST_SHAPES.forEach((shape, unit) -> {
            String filler = unit.repeat(MEGABYTE / unit.length());
            assertThat(verdict(SHIPPED, filler + " ")).as(shape).isEqualTo("none");
            assertThat(verdict(SHIPPED, filler + " write to ops@example.org")).as(shape).contains("email");
            assertThat(verdict(SHIPPED, filler + " SSN 123-45-6789")).as(shape).contains("us-ssn");
            assertThat(verdict(SHIPPED, filler + "\n-----BEGIN RSA PRIVATE KEY-----")).as(shape)
                    .contains("private-key");
        });
    }

    @Test
    void aConfiguredPatternThatWouldBacktrackRunsLinearly() {
        // the classic e-mail pattern: java.util.regex reads a run of word characters once from each letter
        SensitiveContentDetector naive = new SensitiveContentDetector(
                new SensitiveContentDetectorTest.Config(true, Map.of("email", "[\\w.+-]+@[\\w-]+\\.[\\w.]+")));
        String words = "a".repeat(MEGABYTE);
        assertThat(verdict(naive, words)).isEqualTo("none");
        assertThat(verdict(naive, words + " ops@example.org")).isEqualTo("detected email");
        SensitiveContentDetector nested = new SensitiveContentDetector(
                new SensitiveContentDetectorTest.Config(true, Map.of("nested", "(a+)+b")));
        assertThat(verdict(nested, "a".repeat(MEGABYTE) + "c")).isEqualTo("none");
    }

    @Test
    void aJavaOnlyConstructIsRefusedWithItsKey() {
        assertThatThrownBy(() -> new SensitiveContentDetector(
                new SensitiveContentDetectorTest.Config(true, Map.of("lookahead", "\\b(?!000)\\d{3}"))))
                        .hasMessageStartingWith(
                                "hybrid.router.privacy.detectors.lookahead: not a valid regular expression")
                        .hasMessageContaining("RE2");
    }

    /** The detectors as shipped before they were RE2 expressions; on small texts their backtracking costs nothing. */
    private static final Map<String, Pattern> FORMER = Map.of("email",
            Pattern.compile("(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}"), "us-ssn",
            Pattern.compile("\\b(?!000|666|9\\d\\d)\\d{3}-(?!00)\\d{2}-(?!0000)\\d{4}\\b"));
    private static final String[] EMAIL_PIECES = { "a", "Z", "x", "0", "-", "@", "@", ".", ".", "_", "%", "+", " ",
            "\n", "ab", "com" };
    /** The slots of a number shaped like an SSN, each with valid, excluded and malformed choices. */
    private static final String[][] SSN_SLOTS = { { "", "1", "a", " ", "-" },
            { "123", "666", "000", "901", "001", "899", "66", "6660" }, { "-", "--", " " },
            { "45", "00", "01", "4", "456" }, { "-", "" }, { "6789", "0000", "0001", "678", "67890" },
            { "", "1", "a", " ", "-" } };

    /** Per detector, texts that make near misses likely. */
    private static String sample(String detector, Random random) {
        StringBuilder text = new StringBuilder();
        if (detector.equals("email")) {
            for (int piece = random.nextInt(40); piece > 0; piece--) {
                text.append(EMAIL_PIECES[random.nextInt(EMAIL_PIECES.length)]);
            }
        } else {
            for (String[] slot : SSN_SLOTS) {
                text.append(slot[random.nextInt(slot.length)]);
            }
        }
        return text.toString();
    }

    @Test
    void findsWhatTheFormerDetectorsFoundOnRandomTexts() {
        Map<String, SensitiveContentDetector> shipped = Map.of("email", single("email"), "us-ssn", single("us-ssn"));
        Random random = new Random(15);
        Map<String, Integer> found = new TreeMap<>();
        FORMER.forEach((name, former) -> {
            for (int sample = 0; sample < 50_000; sample++) {
                String prompt = sample(name, random);
                boolean expected = former.matcher(prompt).find();
                boolean actual = shipped.get(name)
                        .mustStayLocal(Prompts.request("p", TaskType.CHAT, prompt, RequestHints.NONE)).isPresent();
                assertThat(actual).as("%s on %s", name, prompt).isEqualTo(expected);
                found.merge(name, expected ? 1 : 0, Integer::sum);
            }
        });
        // the samples hold matches as well as near misses
        assertThat(found).allSatisfy((name, matches) -> assertThat(matches).isBetween(100, 49_900));
    }

    private static SensitiveContentDetector single(String name) {
        return new SensitiveContentDetector(new SensitiveContentDetectorTest.Config(true,
                Map.of(name, ShippedConfig.privacy().detectors().get(name))));
    }
}
