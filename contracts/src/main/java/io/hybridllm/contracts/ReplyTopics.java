package io.hybridllm.contracts;

import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Which topics a tenant may name as a request's {@code reply_to}: only its own, {@code <prefix><tenant>.<name>}, and
 * never one of the system's topics ({@link Topics}, anything starting with {@code llm.} or Kafka's own {@code __}). One
 * rule for ingest (which refuses the submission) and the workers (which refuse to write the reply), read from the one
 * key {@value #PREFIX_KEY} (default {@value #DEFAULT_PREFIX}).
 * <p>
 * The tenant is the one the request carries: for HTTP submissions ingest sets it from the caller's key; for requests
 * produced straight to Kafka it is whatever the producer wrote, until the broker proves who produced a record.
 */
public final class ReplyTopics {

    public static final String PREFIX_KEY = "hybrid.reply-topics.prefix";
    public static final String DEFAULT_PREFIX = "replies.";

    private static final Pattern TOPIC_CHARS = Pattern.compile("[A-Za-z0-9._-]*");
    private static final int MAX_TOPIC_LENGTH = 249;
    private static final Set<String> SYSTEM_TOPICS = Topics.ALL.stream().map(Topics.TopicSpec::name)
            .collect(Collectors.toUnmodifiableSet());

    private final String prefix;

    /** Refuses a prefix that could itself name a system topic or is no topic name. */
    public ReplyTopics(String prefix) {
        if (prefix == null || !TOPIC_CHARS.matcher(prefix).matches() || isInternal(prefix)) {
            throw new IllegalArgumentException(PREFIX_KEY + "=" + prefix
                    + " is refused: it must be letters, digits and . _ - only, and must not start with llm. or __");
        }
        this.prefix = prefix;
    }

    public static ReplyTopics withDefaultPrefix() {
        return new ReplyTopics(DEFAULT_PREFIX);
    }

    /** Where the tenant's reply topics start, e.g. {@code replies.acme.}. */
    public String prefixFor(String tenant) {
        return prefix + tenant + ".";
    }

    /** Empty if {@code tenant} may have its replies written to {@code topic}; else why not, for the caller's error. */
    public Optional<String> refusal(String tenant, String topic) {
        if (topic == null || topic.equals(Topics.REPLIES)) {
            return Optional.empty();
        }
        String own = prefixFor(tenant);
        if (isInternal(topic)) {
            return Optional.of("'" + topic + "' is a system topic; a reply topic must start with '" + own + "'");
        }
        if (!topic.startsWith(own) || topic.length() == own.length()) {
            return Optional.of("'" + topic + "' is not a reply topic of tenant " + tenant + ": it must start with '"
                    + own + "' followed by a name");
        }
        if (topic.length() > MAX_TOPIC_LENGTH || !TOPIC_CHARS.matcher(topic).matches()) {
            return Optional.of("'" + topic + "' is not a valid Kafka topic name (letters, digits and . _ -, at most "
                    + MAX_TOPIC_LENGTH + ")");
        }
        return Optional.empty();
    }

    /** Topics of the system itself, and Kafka's: no tenant's reply may land there. */
    public static boolean isInternal(String topic) {
        return topic.startsWith("llm.") || topic.startsWith("__") || SYSTEM_TOPICS.contains(topic);
    }
}
