package io.hybridllm.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.hybridllm.contracts.json.Json;

/** Every JSON example in docs/messages.md is a message this build reads, so the documentation cannot drift. */
class DocumentedExamplesTest {

    private static final Pattern EXAMPLE = Pattern.compile("<!-- example: (\\w+) -->\\s*```json\\n(.*?)\\n```",
            Pattern.DOTALL);
    private static final Map<String, Class<?>> TYPES = Map.ofEntries(Map.entry("LlmRequest", LlmRequest.class),
            Map.entry("RoutedRequest", RoutedRequest.class), Map.entry("LlmReply", LlmReply.class),
            Map.entry("UsageEvent", UsageEvent.class), Map.entry("ControlEvent", ControlEvent.class),
            Map.entry("Alert", Alert.class), Map.entry("AuditEvent", AuditEvent.class),
            Map.entry("Cancellation", Cancellation.class), Map.entry("CallStarted", CallStarted.class),
            Map.entry("TenantKey", TenantKey.class), Map.entry("CacheEntry", CacheEntry.class),
            Map.entry("RequestOutcome", RequestOutcome.class), Map.entry("Feedback", Feedback.class));

    @Test
    void everyExampleReadsAsItsMessage() throws IOException {
        String doc = Files.readString(Path.of("..", "docs", "messages.md"));
        Matcher examples = EXAMPLE.matcher(doc);
        List<String> types = new ArrayList<>();
        while (examples.find()) {
            Class<?> type = TYPES.get(examples.group(1));
            assertThat(type).as("known type " + examples.group(1)).isNotNull();
            Object message = Json.read(examples.group(2), type);
            assertThat(message).isInstanceOf(type);
            types.add(examples.group(1));
        }
        assertThat(types).containsAll(TYPES.keySet()).hasSizeGreaterThanOrEqualTo(12);
    }
}
