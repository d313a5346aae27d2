package io.hybridllm.router.privacy;

import java.util.Map;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Patterns that mark content as sensitive, so that it stays on local tiers. */
@ConfigMapping(prefix = "hybrid.router.privacy")
public interface PrivacyConfig {

    @WithDefault("true")
    boolean enabled();

    /**
     * Per detector name (it appears in routing reasons), an RE2 regular expression (linear-time matching; no
     * lookaround, backreferences or possessive quantifiers).
     */
    Map<String, String> detectors();
}
