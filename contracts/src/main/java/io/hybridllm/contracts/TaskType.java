package io.hybridllm.contracts;

/** What a request asks for; routing policies and quality checks differ per task type. */
public enum TaskType {
    CHAT, COMPLETION, REVIEW, EXPLAIN, REFACTOR, COMMIT_MSG, SEMANTIC_SEARCH, CLASSIFY, SUMMARIZE, EXTRACT, TRANSLATE,
    GENERATE
}
