package io.hybridllm.router.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import io.hybridllm.contracts.RequestHints;
import io.hybridllm.contracts.TaskType;
import io.hybridllm.router.Prompts;

/** The detectors as shipped in application.properties, so the test checks the real patterns. */
class SensitiveContentDetectorTest {

    record Config(boolean enabled, Map<String, String> detectors) implements PrivacyConfig {
    }

    private static Map<String, String> shippedDetectors() throws IOException {
        Properties properties = new Properties();
        try (InputStream in = SensitiveContentDetectorTest.class.getResourceAsStream("/application.properties")) {
            properties.load(in);
        }
        Map<String, String> detectors = new TreeMap<>();
        String prefix = "hybrid.router.privacy.detectors.";
        properties.stringPropertyNames().stream().filter(key -> key.startsWith(prefix))
                .forEach(key -> detectors.put(key.substring(prefix.length()), properties.getProperty(key)));
        return detectors;
    }

    private static String verdict(SensitiveContentDetector detector, String text) {
        return detector.mustStayLocal(Prompts.request("p", TaskType.CHAT, text, RequestHints.NONE)).orElse("none");
    }

    @Test
    void shippedDetectorsFindSecretsAndPersonalData() throws IOException {
        SensitiveContentDetector detector = new SensitiveContentDetector(new Config(true, shippedDetectors()));
        assertThat(verdict(detector, "-----BEGIN RSA PRIVATE KEY-----\nMIIE...")).isEqualTo("detected private-key");
        assertThat(verdict(detector, "use key sk-proj-abcdefghijklmnopqrstuvwx to call")).isEqualTo("detected api-key");
        assertThat(verdict(detector, "AKIAIOSFODNN7EXAMPLE")).isEqualTo("detected api-key");
        assertThat(verdict(detector, "write to ops@example.org")).isEqualTo("detected email");
        assertThat(verdict(detector, "SSN 123-45-6789")).isEqualTo("detected us-ssn");
        assertThat(verdict(detector, "NI number AB 12 34 56 C")).isEqualTo("detected uk-nino");
        assertThat(verdict(detector, "Explain the difference between a mutex and a semaphore.")).isEqualTo("none");
        assertThat(verdict(detector, "Version 1.2.3-45 was released on 2026-11-22")).isEqualTo("none");
    }

    @Test
    void aMarkedRequestStaysLocalEvenWithDetectionOff() {
        SensitiveContentDetector detector = new SensitiveContentDetector(new Config(false, Map.of("email", "@")));
        assertThat(detector.mustStayLocal(Prompts.request("p", TaskType.CHAT, "a@b.c",
                new RequestHints(null, null, true, null, null, null, Map.of())))).contains("marked sensitive");
        assertThat(verdict(detector, "a@b.c")).isEqualTo("none");
    }

    @Test
    void anInvalidPatternIsRefusedWithItsKey() {
        assertThatThrownBy(() -> new SensitiveContentDetector(new Config(true, Map.of("broken", "(unclosed"))))
                .hasMessageStartingWith("hybrid.router.privacy.detectors.broken: not a valid regular expression");
    }
}
