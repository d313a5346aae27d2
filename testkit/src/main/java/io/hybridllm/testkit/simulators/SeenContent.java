package io.hybridllm.testkit.simulators;

import java.util.Base64;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The text of a message's content as each provider documents it, with its images counted ({@code [2 images]} after the
 * text, so that an answer shows what arrived); an image part in another shape is refused as the provider refuses it.
 */
final class SeenContent {

    /** A malformed part: the provider answers 400 with this message. */
    static final class Refused extends IllegalArgumentException {

        Refused(String message) {
            super(message);
        }
    }

    private static final Set<String> DETAILS = Set.of("auto", "low", "high");
    private static final Set<String> MEDIA_TYPES = Set.of("image/jpeg", "image/png", "image/gif", "image/webp");

    /** OpenAI-shaped and Cohere v2: a string, or text and image_url parts (Mistral: the URL may be a string). */
    static String openAi(JsonNode content) {
        if (!content.isArray()) {
            return content.asText();
        }
        StringBuilder text = new StringBuilder();
        int images = 0;
        for (JsonNode part : content) {
            switch (part.path("type").asText()) {
                case "text" -> text.append(part.path("text").asText());
                case "image_url" -> {
                    JsonNode image = part.path("image_url");
                    String url = image.isTextual() ? image.asText() : image.path("url").asText("");
                    JsonNode detail = image.path("detail");
                    if (!(url.startsWith("https://") || url.startsWith("http://") || url.startsWith("data:image/"))
                            || !detail.isMissingNode() && !DETAILS.contains(detail.asText())) {
                        throw new Refused("Invalid image_url: expected a URL or a data:image/ URI and detail auto,"
                                + " low or high");
                    }
                    images++;
                }
                default -> throw new Refused("Invalid content part type: '" + part.path("type").asText() + "'");
            }
        }
        return withImages(text, images);
    }

    /** Anthropic: a string, or text and image (base64 or url source) blocks beside tool_use and tool_result. */
    static String anthropic(JsonNode content) {
        if (!content.isArray()) {
            return content.asText();
        }
        StringBuilder text = new StringBuilder();
        int images = 0;
        for (JsonNode block : content) {
            switch (block.path("type").asText()) {
                case "text" -> text.append(block.path("text").asText());
                case "image" -> {
                    JsonNode source = block.path("source");
                    boolean valid = switch (source.path("type").asText()) {
                        case "base64" -> MEDIA_TYPES.contains(source.path("media_type").asText())
                                && decodes(source.path("data").asText());
                        case "url" -> source.path("url").asText().startsWith("https://");
                        default -> false;
                    };
                    if (!valid) {
                        throw new Refused("image.source: expected base64 with media_type image/jpeg, png, gif or"
                                + " webp, or a url");
                    }
                    images++;
                }
                default -> {
                    // tool_use and tool_result: a call and its result, not what the user asked.
                }
            }
        }
        return withImages(text, images);
    }

    /** Gemini: text, inline_data (or inlineData) with a mime type and base64 data, and function parts. */
    static String gemini(JsonNode parts) {
        StringBuilder text = new StringBuilder();
        int images = 0;
        for (JsonNode part : parts) {
            JsonNode inline = part.has("inline_data") ? part.get("inline_data") : part.path("inlineData");
            if (part.has("text")) {
                text.append(part.get("text").asText());
            } else if (!inline.isMissingNode()) {
                String mime = inline.has("mime_type") ? inline.get("mime_type").asText()
                        : inline.path("mimeType").asText();
                if (!MEDIA_TYPES.contains(mime) || !decodes(inline.path("data").asText())) {
                    throw new Refused("Invalid inline_data: a supported mime_type and base64 data are required");
                }
                images++;
            }
        }
        return withImages(text, images);
    }

    /** Ollama: the content string, and {@code images} as base64 strings. */
    static String ollama(JsonNode message) {
        JsonNode images = message.path("images");
        for (JsonNode image : images) {
            if (!image.isTextual() || !decodes(image.asText())) {
                throw new Refused("illegal base64 data in images");
            }
        }
        return withImages(new StringBuilder(message.path("content").asText()), images.size());
    }

    private static boolean decodes(String base64) {
        try {
            return !base64.isEmpty() && Base64.getDecoder().decode(base64).length > 0;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String withImages(StringBuilder text, int images) {
        return images == 0 ? text.toString() : text + " [" + images + (images == 1 ? " image]" : " images]");
    }

    private SeenContent() {
    }
}
