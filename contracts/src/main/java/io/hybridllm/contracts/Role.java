package io.hybridllm.contracts;

/** OpenAI-style chat roles. */
public enum Role {
    SYSTEM, USER, ASSISTANT, TOOL
}
