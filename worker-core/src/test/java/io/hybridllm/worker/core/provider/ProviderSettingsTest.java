package io.hybridllm.worker.core.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import io.hybridllm.contracts.ProviderKind;

class ProviderSettingsTest {

    @Test
    void publicProvidersDefaultToTheirEndpoint() {
        ProviderSettings claude = ProviderSettings.of("claude", ProviderKind.ANTHROPIC, null, null);
        assertThat(claude.baseUrl()).isEqualTo("https://api.anthropic.com");
        assertThat(claude.keys().current()).isEmpty();
        assertThat(claude.timeout()).isEqualTo(ProviderSettings.DEFAULT_TIMEOUT);
        assertThat(claude.maxTokens()).isEqualTo(ProviderSettings.DEFAULT_MAX_TOKENS);
        assertThat(ProviderSettings.of("x", ProviderKind.XAI, " https://gw.example/v1// ", null).baseUrl())
                .isEqualTo("https://gw.example/v1");
    }

    @Test
    void azureAndCompatibleEndpointsNeedABaseUrlAndItMustBeHttp() {
        assertThatThrownBy(() -> ProviderSettings.of("azure", ProviderKind.AZURE_OPENAI, null, null))
                .hasMessage("provider azure (azure-openai) has no public endpoint: set its base URL");
        assertThatThrownBy(() -> ProviderSettings.of("gw", ProviderKind.OPENAI_COMPATIBLE, "ftp://gw", null))
                .hasMessage("the base URL of provider gw must be http or https: ftp://gw");
    }

    @Test
    void aKeyShowsItsIdNeverItsSecret() {
        ApiKey key = KeySupplier.fixed("sk-secret-value", "OPENAI_API_KEY").current().orElseThrow();
        assertThat(key).hasToString("ApiKey[OPENAI_API_KEY]");
        assertThat(KeySupplier.fixed("", "K").current()).isEmpty();
        assertThat(ProviderKind.byWireName("azure-openai")).contains(ProviderKind.AZURE_OPENAI);
    }
}
