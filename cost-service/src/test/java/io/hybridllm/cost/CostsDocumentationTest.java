package io.hybridllm.cost;

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

import io.hybridllm.contracts.Alert;
import io.hybridllm.contracts.ControlEvent;
import io.hybridllm.contracts.json.Json;

/** The alert and control examples of docs/costs.md are messages this build reads, so the page cannot drift. */
class CostsDocumentationTest {

    private static final Pattern EXAMPLE = Pattern.compile("<!-- example: (\\w+) -->\\s*```json\\n(.*?)\\n```",
            Pattern.DOTALL);
    private static final Map<String, Class<?>> TYPES = Map.of("Alert", Alert.class, "ControlEvent", ControlEvent.class);

    @Test
    void everyExampleReadsAsItsMessage() throws IOException {
        Matcher examples = EXAMPLE.matcher(Files.readString(Path.of("..", "docs", "costs.md")));
        List<Object> messages = new ArrayList<>();
        while (examples.find()) {
            messages.add(Json.read(examples.group(2), TYPES.get(examples.group(1))));
        }
        assertThat(messages).hasSize(4);
        assertThat(messages).filteredOn(Alert.Budget.class::isInstance).extracting(m -> ((Alert.Budget) m).level())
                .containsExactly(Alert.Level.WARN, Alert.Level.PAUSE, Alert.Level.RESUME);
        assertThat(messages).filteredOn(ControlEvent.ModeSwitch.class::isInstance).hasSize(1);
    }
}
