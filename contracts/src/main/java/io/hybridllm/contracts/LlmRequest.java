package io.hybridllm.contracts;

import static io.hybridllm.contracts.json.Check.require;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A request for an answer from some model, as submitted to {@value Topics#REQUESTS}, keyed by {@link #id()}. Jobs may
 * produce it directly; ingest produces it for HTTP submissions.
 */
public record LlmRequest(int schemaVersion, String id, String tenant, String jobId, TaskType taskType,
        List<ChatMessage> messages, GenerationOptions options, RequestHints hints, String replyTo, String callbackUrl,
        Instant submittedAt, List<Attempt> attempts, List<String> inputs, Integer dimensions) {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,127}");
    private static final Pattern TOPIC = Pattern.compile("[A-Za-z0-9._-]{1,249}");

    public LlmRequest {
        schemaVersion = SchemaVersion.check(schemaVersion);
        require(id != null && ID.matcher(id).matches(), "id",
                "must be 1-128 characters of letters, digits and . _ : - (starting with a letter or digit)");
        require(tenant != null && ID.matcher(tenant).matches(), "tenant",
                "must be 1-128 characters of letters, digits and . _ : -");
        taskType = taskType == null ? TaskType.CHAT : taskType;
        inputs = EmbedInputs.check(taskType, inputs, dimensions);
        if (inputs != null) {
            // An embed request's texts are its inputs; messages would be a second, ignored place for them.
            require(messages == null || messages.isEmpty(), "messages",
                    "must be absent for task_type embed: its texts are in inputs");
            messages = List.of();
        }
        require(inputs != null || messages != null && !messages.isEmpty(), "messages",
                "must hold at least one message");
        require(messages.stream().allMatch(m -> m != null), "messages", "must not contain null entries");
        List<ContentPart.Image> images = messages.stream().flatMap(m -> m.images().stream()).toList();
        require(images.size() <= ContentPart.Image.MAX_IMAGES, "messages.parts",
                "hold " + images.size() + " images, at most " + ContentPart.Image.MAX_IMAGES + " are taken");
        require(images.stream().mapToLong(i -> i.inline() ? i.url().length() : 0)
                .sum() <= ContentPart.Image.MAX_IMAGE_CHARS, "messages.parts",
                "hold more than " + ContentPart.Image.MAX_IMAGE_CHARS
                        + " characters of inline image data; send large images by https URL");
        require(replyTo == null || TOPIC.matcher(replyTo).matches(), "reply_to", "is not a valid Kafka topic name");
        messages = List.copyOf(messages);
        options = options == null ? GenerationOptions.DEFAULTS : options;
        require(inputs == null || !options.stream(), "options.stream",
                "is not for task_type embed: vectors come whole, in the reply");
        hints = hints == null ? RequestHints.NONE : hints;
        submittedAt = submittedAt == null ? Instant.now() : submittedAt;
        attempts = attempts == null ? List.of() : List.copyOf(attempts);
    }

    /** A request without embedding inputs, as before they existed. */
    public LlmRequest(int schemaVersion, String id, String tenant, String jobId, TaskType taskType,
            List<ChatMessage> messages, GenerationOptions options, RequestHints hints, String replyTo,
            String callbackUrl, Instant submittedAt, List<Attempt> attempts) {
        this(schemaVersion, id, tenant, jobId, taskType, messages, options, hints, replyTo, callbackUrl, submittedAt,
                attempts, null, null);
    }

    /** Whether this request asks for vectors of its {@code inputs} rather than a text answer. */
    public boolean embeds() {
        return inputs != null;
    }

    /** All message contents joined (an embed request's inputs), for scoring, privacy and quality checks. */
    public String promptText() {
        StringBuilder text = new StringBuilder();
        if (inputs != null) {
            inputs.forEach(input -> text.append(input).append('\n'));
        }
        for (ChatMessage message : messages) {
            text.append(message.content()).append('\n');
        }
        return text.toString();
    }

    /** Whether any message holds an image. */
    public boolean hasImages() {
        return messages.stream().anyMatch(m -> m.parts() != null);
    }

    /** Whether any image is given by URL, which only providers that fetch URLs can take. */
    public boolean hasImageUrls() {
        return messages.stream().flatMap(m -> m.images().stream()).anyMatch(i -> !i.inline());
    }

    /** Where this request's reply goes: always {@value Topics#REPLIES}, and also the request's own reply_to topic. */
    public List<String> replyTopics() {
        return replyTo == null || replyTo.equals(Topics.REPLIES) ? List.of(Topics.REPLIES)
                : List.of(Topics.REPLIES, replyTo);
    }

    public LlmRequest withAttempt(Attempt attempt) {
        List<Attempt> all = new ArrayList<>(attempts);
        all.add(attempt);
        return withAttempts(all);
    }

    /** The same request with its whole history so far, e.g. as it escalates to another tier. */
    public LlmRequest withAttempts(List<Attempt> history) {
        return new LlmRequest(schemaVersion, id, tenant, jobId, taskType, messages, options, hints, replyTo,
                callbackUrl, submittedAt, history, inputs, dimensions);
    }
}
