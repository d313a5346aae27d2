package io.hybridllm.contracts.json;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class ReadLimitsTest {

    /** Deeper than any message of the system, within Jackson's own default of 1,000. */
    private static final String DEEP = "[".repeat(100) + "]".repeat(100);

    @Test
    void aDocumentNestedDeeperThanAnyMessageIsRefusedNamingTheLimit() {
        assertThatThrownBy(() -> Json.read(DEEP, JsonNode.class)).isInstanceOf(InvalidMessageException.class)
                .hasMessageContaining("nesting depth");
    }

    @Test
    void aMapperConfiguredForHttpGetsTheSameLimits() {
        ObjectMapper mapper = Json.configure(new ObjectMapper());
        assertThatThrownBy(() -> mapper.readTree(DEEP)).hasMessageContaining("nesting depth");
    }
}
