package io.hybridllm.worker.core.provider;

import java.net.URI;
import java.net.http.HttpRequest;

/**
 * Azure OpenAI: OpenAI's chat completions behind
 * {@code /openai/deployments/{deployment}/chat/completions?api-version=}, with the key in an {@code api-key} header.
 * The target's model is the deployment name.
 */
final class AzureOpenAiFormat extends OpenAiFormat {

    /** The latest GA data-plane version; settings may name another. */
    static final String DEFAULT_API_VERSION = "2024-10-21";

    private final String apiVersion;

    AzureOpenAiFormat(ProviderSettings settings) {
        super(settings, "max_tokens");
        this.apiVersion = settings.apiVersion() == null ? DEFAULT_API_VERSION : settings.apiVersion();
    }

    @Override
    protected URI chatUri(String deployment) {
        return URI.create(settings.baseUrl() + "/openai/deployments/" + Wire.segment(deployment)
                + "/chat/completions?api-version=" + Wire.segment(apiVersion));
    }

    @Override
    protected URI embeddingsUri(String deployment) {
        return URI.create(settings.baseUrl() + "/openai/deployments/" + Wire.segment(deployment)
                + "/embeddings?api-version=" + Wire.segment(apiVersion));
    }

    @Override
    protected URI modelsUri() {
        return URI.create(settings.baseUrl() + "/openai/models?api-version=" + Wire.segment(apiVersion));
    }

    @Override
    protected HttpRequest.Builder authorized(HttpRequest.Builder request, ApiKey key) {
        return key == null ? request : request.header("api-key", key.secret());
    }

    @Override
    protected boolean modelInBody() {
        return false;
    }
}
