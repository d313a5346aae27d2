package io.hybridllm.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import io.hybridllm.contracts.ChatMessage;
import io.hybridllm.contracts.ContentPart;
import io.hybridllm.contracts.GenerationOptions;
import io.hybridllm.contracts.LlmRequest;
import io.hybridllm.contracts.ResponseFormat;
import io.hybridllm.contracts.SchemaVersion;
import io.hybridllm.contracts.Tool;
import io.hybridllm.contracts.ToolChoice;

class CapabilitiesTest {

    private static final String POLICY = """
            [ai]
            mode = "hybrid"
            fallback_chain = ["ollama", "gemini", "claude"]
            [providers.ollama]
            kind = "ollama"
            models = ["llama3.2:1b", "llava:13b", "phi3:mini", "my-tuned:7b"]
            [providers.ollama.capabilities.models."my-tuned:7b"]
            tools = true
            images = true
            [providers.gemini]
            kind = "gemini"
            model = "gemini-2.0-flash"
            [providers.claude]
            kind = "anthropic"
            model = "claude-sonnet-4-5"
            [providers.claude.capabilities]
            images = false
            [routing.hybrid]
            chat = ["ollama", "gemini", "claude"]
            """;

    private static Policy policy() {
        return PolicyLoader.fromText(POLICY, "test.toml").policy();
    }

    private static LlmRequest request(GenerationOptions options, ChatMessage message) {
        return new LlmRequest(SchemaVersion.CURRENT, "r1", "acme", null, null, List.of(message), options, null, null,
                null, null, null);
    }

    private static GenerationOptions tools(ToolChoice choice) {
        return new GenerationOptions(null, null, null, null, null, null, null, null,
                List.of(new Tool("get_weather", null, null, null)), choice, null, null);
    }

    private static String refusal(String provider, String model, LlmRequest request) {
        return Capabilities.of(policy().providers().get(provider), model).refuses(request).orElse("takes it");
    }

    @Test
    void toolsGoOnlyToModelsThatCallThemUnlessToolChoiceIsNone() {
        LlmRequest withTools = request(tools(null), ChatMessage.user("weather?"));
        assertThat(refusal("ollama", "llama3.2:1b", withTools)).isEqualTo("takes it");
        assertThat(refusal("ollama", "phi3:mini", withTools)).isEqualTo("does not take tools");
        assertThat(refusal("ollama", "my-tuned:7b", withTools)).as("the policy's model layer").isEqualTo("takes it");
        assertThat(refusal("gemini", "gemini-2.0-flash", withTools)).isEqualTo("takes it");
        LlmRequest none = request(tools(new ToolChoice(ToolChoice.Mode.NONE, null)), ChatMessage.user("weather?"));
        assertThat(refusal("ollama", "phi3:mini", none)).isEqualTo("takes it");
    }

    @Test
    void imagesGoToVisionModelsAndUrlsOnlyWhereTheApiTakesThem() {
        LlmRequest inline = request(null, ChatMessage.userParts(List.of(new ContentPart.Text("what is this?"),
                new ContentPart.Image("data:image/png;base64,iVBORw0KGgo=", null))));
        LlmRequest byUrl = request(null, ChatMessage.userParts(
                List.of(new ContentPart.Image("https://example.com/cat.png", "low"), new ContentPart.Text("and?"))));
        assertThat(refusal("ollama", "llava:13b", inline)).isEqualTo("takes it");
        assertThat(refusal("ollama", "llama3.2:1b", inline)).isEqualTo("does not take images");
        assertThat(refusal("ollama", "llava:13b", byUrl)).startsWith("takes images only inline");
        assertThat(refusal("gemini", "gemini-2.0-flash", byUrl)).startsWith("takes images only inline");
        assertThat(refusal("gemini", "gemini-2.0-flash", inline)).isEqualTo("takes it");
        assertThat(refusal("claude", "claude-sonnet-4-5", byUrl)).as("the policy's provider layer")
                .isEqualTo("does not take images");
    }

    @Test
    void aJsonSchemaIsRefusedWhereThePolicySaysSo() {
        ResponseFormat schema = new ResponseFormat(ResponseFormat.Type.JSON_SCHEMA, "answer",
                JsonNodeFactory.instance.objectNode().put("type", "object"), true);
        LlmRequest request = request(
                new GenerationOptions(null, null, null, null, null, null, null, null, null, null, null, schema),
                ChatMessage.user("json please"));
        assertThat(refusal("ollama", "llama3.2:1b", request)).isEqualTo("takes it");
        Policy policy = PolicyLoader.fromText(POLICY.replace("images = false", "json_schema = false"), "t.toml")
                .policy();
        assertThat(Capabilities.of(policy.providers().get("claude"), "claude-sonnet-4-5").refuses(request))
                .contains("does not take a json_schema response format");
    }

    @Test
    void aKeyThatCannotTakeEffectIsRefusedWithFileKeyAndReason() {
        assertThatThrownBy(() -> PolicyLoader.fromText(POLICY.replace("images = false", "image_urls = true")
                .replace("kind = \"anthropic\"", "kind = \"gemini\""), "t.toml")).isInstanceOf(PolicyException.class)
                        .hasMessageContaining("providers.claude.capabilities.image_urls")
                        .hasMessageContaining("takes images only inline");
        assertThatThrownBy(() -> PolicyLoader.fromText(POLICY.replace("images = false", "vision = true"), "t.toml"))
                .hasMessageContaining("providers.claude.capabilities.vision").hasMessageContaining("not a known key");
        assertThatThrownBy(() -> PolicyLoader.fromText(POLICY.replace("images = false", "images = \"yes\""), "t.toml"))
                .hasMessageContaining("providers.claude.capabilities.images").hasMessageContaining("true or false");
    }
}
