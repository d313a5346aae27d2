package io.hybridllm.policy;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import io.hybridllm.contracts.GenerationOptions;
import io.hybridllm.contracts.LlmRequest;
import io.hybridllm.contracts.ProviderKind;
import io.hybridllm.contracts.ResponseFormat;

/**
 * What a target (a provider's model) can take: tools, a {@code json_object} or {@code json_schema} response format,
 * images, and images by URL rather than inline. A null field has no opinion and leaves the layer below in force. The
 * layers, lowest first: the kind's default, the built-in model families of {@link #BUILT_IN}, the provider's
 * {@code [providers.<name>.capabilities]}, and its {@code [providers.<name>.capabilities.models."<model>"]}.
 */
public record Capabilities(Boolean tools, Boolean jsonObject, Boolean jsonSchema, Boolean images, Boolean imageUrls) {

    public static final Capabilities UNSET = new Capabilities(null, null, null, null, null);

    /** The kinds whose wire format has no image URL (Gemini wants an upload, Ollama base64): never overridden. */
    static final List<ProviderKind> INLINE_IMAGES_ONLY = List.of(ProviderKind.GEMINI, ProviderKind.OLLAMA);

    /** A built-in layer: for {@code kinds}, models matching {@code model} (null: every model) take these. */
    record Row(List<ProviderKind> kinds, Pattern model, Capabilities capabilities) {

        boolean matches(ProviderKind kind, String name) {
            return kinds.contains(kind) && (model == null || name != null && model.matcher(name).find());
        }
    }

    private static final Capabilities ALL = new Capabilities(true, true, true, true, true);
    private static final List<ProviderKind> OPENAI_SHAPED = List.of(ProviderKind.OPENAI, ProviderKind.AZURE_OPENAI);
    private static final List<ProviderKind> LOCAL = List.of(ProviderKind.OLLAMA, ProviderKind.OPENAI_COMPATIBLE);

    /**
     * From the providers' documentation (late 2025). Cloud chat models take tools and JSON (Anthropic's JSON is asked
     * for in the prompt and checked by the quality check); images where the model is a vision model. A local server's
     * tools and images depend on the model it runs: Ollama's model families below, anything else only by the policy.
     * Later rows win.
     */
    static final List<Row> BUILT_IN = List.of(
            row(List.of(ProviderKind.OPENAI, ProviderKind.AZURE_OPENAI, ProviderKind.ANTHROPIC), null, ALL),
            row(List.of(ProviderKind.GEMINI), null, new Capabilities(true, true, true, true, false)),
            row(List.of(ProviderKind.COHERE, ProviderKind.MISTRAL, ProviderKind.XAI), null,
                    new Capabilities(true, true, true, false, true)),
            row(List.of(ProviderKind.OLLAMA), null, new Capabilities(false, true, true, false, false)),
            row(List.of(ProviderKind.OPENAI_COMPATIBLE), null, new Capabilities(false, true, true, false, true)),
            row(OPENAI_SHAPED, "gpt-3\\.5|gpt-4-0613|gpt-4$|o1-mini|o3-mini", images(false)),
            row(OPENAI_SHAPED, "o1-mini|o1-preview", new Capabilities(false, false, false, false, null)),
            row(List.of(ProviderKind.MISTRAL), "pixtral|mistral-small|mistral-medium", images(true)),
            row(List.of(ProviderKind.XAI), "grok-4|grok-2-vision|grok-vision", images(true)),
            row(List.of(ProviderKind.COHERE), "command-a-vision|aya-vision", images(true)),
            row(LOCAL,
                    "llama3\\.[123]|llama4|qwen2\\.5|qwen3|qwq|mistral|mixtral|command-r|firefunction|hermes3"
                            + "|granite3|smollm2|phi4-mini|gpt-oss|devstral|cogito",
                    tools(true)),
            row(LOCAL,
                    "llava|bakllava|llama3\\.2-vision|llama4|gemma3|qwen2\\.5vl|qwen3-vl|minicpm-v|moondream"
                            + "|granite3\\.2-vision|mistral-small3\\.[12]",
                    images(true)),
            row(LOCAL, "llama3\\.2-vision|gemma3:1b", new Capabilities(false, null, null, null, null)));

    private static Row row(List<ProviderKind> kinds, String model, Capabilities capabilities) {
        // A family name starts the model's name or follows a namespace (hf.co/..., library/...).
        return new Row(kinds, model == null ? null : Pattern.compile("(^|/)(" + model + ")"), capabilities);
    }

    private static Capabilities tools(boolean value) {
        return new Capabilities(value, null, null, null, null);
    }

    private static Capabilities images(boolean value) {
        return new Capabilities(null, null, null, value, null);
    }

    /** What {@code model} on {@code provider} can take, every layer applied. */
    public static Capabilities of(Policy.Provider provider, String model) {
        String name = model == null ? null : model.toLowerCase(Locale.ROOT);
        Capabilities in = UNSET;
        for (Row row : BUILT_IN) {
            if (row.matches(provider.kind(), name)) {
                in = row.capabilities().over(in);
            }
        }
        in = provider.capabilities().over(in);
        return model == null ? in : provider.modelCapabilities().getOrDefault(model, UNSET).over(in);
    }

    /** These values where set, {@code below}'s elsewhere. */
    Capabilities over(Capabilities below) {
        return new Capabilities(pick(tools, below.tools), pick(jsonObject, below.jsonObject),
                pick(jsonSchema, below.jsonSchema), pick(images, below.images), pick(imageUrls, below.imageUrls));
    }

    private static Boolean pick(Boolean value, Boolean below) {
        return value != null ? value : below;
    }

    /** Why this target cannot take {@code request}, e.g. "does not take tools"; empty when it can. */
    public Optional<String> refuses(LlmRequest request) {
        GenerationOptions options = request.options();
        if (options.offersTools() && !is(tools)) {
            return Optional.of("does not take tools");
        }
        ResponseFormat format = options.responseFormat();
        if (format != null && format.type() == ResponseFormat.Type.JSON_SCHEMA && !is(jsonSchema)) {
            return Optional.of("does not take a json_schema response format");
        }
        if (format != null && format.type() == ResponseFormat.Type.JSON_OBJECT && !is(jsonObject)) {
            return Optional.of("does not take a json_object response format");
        }
        if (request.hasImages() && !is(images)) {
            return Optional.of("does not take images");
        }
        if (request.hasImageUrls() && !is(imageUrls)) {
            return Optional.of("takes images only inline (data: URIs), not by URL, and workers never fetch URLs");
        }
        return Optional.empty();
    }

    private static boolean is(Boolean value) {
        return Boolean.TRUE.equals(value);
    }
}
