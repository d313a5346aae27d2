package io.hybridllm.router.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.hybridllm.contracts.RequestHints;
import io.hybridllm.contracts.TaskType;
import io.hybridllm.router.Prompts;
import io.hybridllm.router.ShippedConfig;

/** The detectors as shipped in application.properties, so the test checks the real patterns. */
class SensitiveContentDetectorTest {

    record Config(boolean enabled, Map<String, String> detectors) implements PrivacyConfig {
    }

    private static String verdict(SensitiveContentDetector detector, String text) {
        return detector.mustStayLocal(Prompts.request("p", TaskType.CHAT, text, RequestHints.NONE)).orElse("none");
    }

    @Test
    void shippedDetectorsFindSecretsAndPersonalData() {
        SensitiveContentDetector detector = new SensitiveContentDetector(
                new Config(true, ShippedConfig.withPrefix("hybrid.router.privacy.detectors.")));
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
