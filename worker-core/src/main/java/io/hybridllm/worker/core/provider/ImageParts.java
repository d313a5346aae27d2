package io.hybridllm.worker.core.provider;

import java.util.List;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.hybridllm.contracts.ContentPart;
import io.hybridllm.contracts.json.Json;

/**
 * A user turn's text and image parts, in order, in each provider's shape. Images go as they came: a URL is passed to
 * the providers that fetch it, never fetched here (the router sends a URL only to those, see the policy's
 * {@code Capabilities}); a kind that takes images only inline refuses a URL as unsuitable for this target.
 */
final class ImageParts {

    /**
     * OpenAI's content array ({@code text} and {@code image_url} parts, with {@code detail}), which Azure, xAI,
     * OpenAI-compatible servers and Cohere v2 take too; Mistral takes the URL as a plain string, without a detail.
     */
    static ArrayNode openAi(List<ContentPart> parts, boolean urlAsString) {
        ArrayNode content = Json.mapper().createArrayNode();
        for (ContentPart part : parts) {
            switch (part) {
                case ContentPart.Text text -> content.addObject().put("type", "text").put("text", text.text());
                case ContentPart.Image image -> {
                    ObjectNode node = content.addObject().put("type", "image_url");
                    if (urlAsString) {
                        node.put("image_url", image.url());
                    } else {
                        ObjectNode url = node.putObject("image_url").put("url", image.url());
                        if (image.detail() != null) {
                            url.put("detail", image.detail());
                        }
                    }
                }
            }
        }
        return content;
    }

    /** Anthropic's blocks: {@code image} with a base64 source for a data URI, a url source for a URL. */
    static ArrayNode anthropic(List<ContentPart> parts) {
        ArrayNode blocks = Json.mapper().createArrayNode();
        for (ContentPart part : parts) {
            switch (part) {
                case ContentPart.Text text -> {
                    if (!text.text().isEmpty()) {
                        // Anthropic refuses empty text blocks.
                        blocks.addObject().put("type", "text").put("text", text.text());
                    }
                }
                case ContentPart.Image image -> {
                    ObjectNode source = blocks.addObject().put("type", "image").putObject("source");
                    if (image.inline()) {
                        source.put("type", "base64").put("media_type", image.mediaType()).put("data", image.base64());
                    } else {
                        source.put("type", "url").put("url", image.url());
                    }
                }
            }
        }
        return blocks;
    }

    /** Gemini's parts: {@code text} and {@code inline_data}; a URL would need an upload first. */
    static void gemini(ArrayNode into, List<ContentPart> parts, String provider) {
        for (ContentPart part : parts) {
            switch (part) {
                case ContentPart.Text text -> into.addObject().put("text", text.text());
                case ContentPart.Image image -> into.addObject().putObject("inline_data")
                        .put("mime_type", inlineOnly(image, provider).mediaType()).put("data", image.base64());
            }
        }
    }

    /** The image if it is inline; a URL is refused, for this target only. */
    static ContentPart.Image inlineOnly(ContentPart.Image image, String provider) {
        if (!image.inline()) {
            throw new UnsuitableContent(provider + " takes images only inline (data: URIs); an image by URL would have"
                    + " to be fetched, which workers never do");
        }
        return image;
    }

    /** Content this target cannot take though another may: the call fails over (TARGET_UNSUITABLE). */
    static final class UnsuitableContent extends IllegalArgumentException {

        UnsuitableContent(String reason) {
            super(reason);
        }
    }

    private ImageParts() {
    }
}
