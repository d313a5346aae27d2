package io.hybridllm.contracts;

import static io.hybridllm.contracts.json.Check.require;

import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * One piece of a message that holds more than text, in order: text, or an image given by an {@code https} URL or a
 * {@code data:} URI (base64). Workers never fetch a URL themselves: a URL goes only to providers that fetch it.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({ @JsonSubTypes.Type(value = ContentPart.Text.class, name = "text"),
        @JsonSubTypes.Type(value = ContentPart.Image.class, name = "image_url") })
public sealed interface ContentPart {

    record Text(String text) implements ContentPart {

        public Text {
            require(text != null, "parts.text", "is required");
        }
    }

    /**
     * @param detail
     *            OpenAI's {@code auto}, {@code low} or {@code high}; null is the provider's default
     */
    record Image(String url, String detail) implements ContentPart {

        /** The longest URL taken; a data URI is bounded by {@link #MAX_IMAGE_CHARS} per request instead. */
        public static final int MAX_URL = 2048;
        /** All the image data of one request, in characters: it travels in one Kafka record. */
        public static final int MAX_IMAGE_CHARS = 768 * 1024;
        /** Images in one request: the fewest any provider that takes images allows is far more. */
        public static final int MAX_IMAGES = 16;

        private static final Pattern DATA = Pattern
                .compile("data:image/(png|jpeg|gif|webp);base64,[A-Za-z0-9+/]+={0,2}");
        private static final Set<String> DETAILS = Set.of("auto", "low", "high");

        public Image {
            require(url != null && (isData(url)
                    || url.startsWith("https://") && url.length() <= MAX_URL && url.chars().noneMatch(c -> c <= ' ')),
                    "parts.url", "must be an https:// URL of at most " + MAX_URL
                            + " characters or a data:image/(png|jpeg|gif|webp);base64, URI");
            require(detail == null || DETAILS.contains(detail), "parts.detail", "must be auto, low or high");
        }

        private static boolean isData(String url) {
            return url.startsWith("data:") && DATA.matcher(url).matches();
        }

        /** Whether the image travels inline ({@code data:}); else it is a URL the provider must fetch. */
        public boolean inline() {
            return url.startsWith("data:");
        }

        /** The media type of an inline image ({@code image/png}); null for a URL. */
        public String mediaType() {
            return inline() ? url.substring("data:".length(), url.indexOf(';')) : null;
        }

        /** The base64 data of an inline image; null for a URL. */
        public String base64() {
            return inline() ? url.substring(url.indexOf(',') + 1) : null;
        }
    }
}
