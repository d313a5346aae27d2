package io.hybridllm.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ReplyTopicsTest {

    private final ReplyTopics rule = ReplyTopics.withDefaultPrefix();

    @Test
    void aTenantsOwnTopicAndTheSharedRepliesTopicAreAllowed() {
        assertThat(rule.refusal("acme", "replies.acme.jobs")).isEmpty();
        assertThat(rule.refusal("acme", null)).isEmpty();
        assertThat(rule.refusal("acme", Topics.REPLIES)).isEmpty();
    }

    @Test
    void everySystemTopicIsRefused() {
        for (Topics.TopicSpec spec : Topics.ALL) {
            if (!spec.name().equals(Topics.REPLIES)) {
                assertThat(rule.refusal("acme", spec.name())).as(spec.name()).get().asString().contains("system topic");
            }
        }
        assertThat(rule.refusal("acme", "llm.anything")).isPresent();
        assertThat(rule.refusal("acme", "__consumer_offsets")).isPresent();
    }

    @Test
    void anotherTenantsTopicOrABarePrefixIsRefusedNamingTheAllowedPrefix() {
        assertThat(rule.refusal("acme", "replies.globex.jobs")).get().asString().contains("'replies.acme.'");
        assertThat(rule.refusal("acme", "replies.acme.")).isPresent();
        assertThat(rule.refusal("acme", "acme.replies")).isPresent();
    }

    @Test
    void aPrefixThatCouldNameASystemTopicIsRefused() {
        assertThatThrownBy(() -> new ReplyTopics("llm.")).hasMessageContaining(ReplyTopics.PREFIX_KEY);
        assertThatThrownBy(() -> new ReplyTopics("__x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ReplyTopics("a/b")).isInstanceOf(IllegalArgumentException.class);
        assertThat(new ReplyTopics("").refusal("acme", "acme.jobs")).isEmpty();
    }
}
