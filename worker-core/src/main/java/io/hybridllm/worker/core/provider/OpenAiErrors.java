package io.hybridllm.worker.core.provider;

import com.fasterxml.jackson.databind.JsonNode;

import io.hybridllm.contracts.ErrorInfo.ErrorCode;

/**
 * Error bodies of OpenAI-shaped APIs: OpenAI's and Azure's {@code {"error": {"message", "type", "code"}}} (Azure adds
 * {@code innererror} for its content filter), Mistral's {@code {"message": ...}} and {@code {"detail": ...}}, xAI's
 * {@code {"code": "...", "error": "..."}}. The error code decides where it is specific; else the status, corrected by
 * the message.
 */
final class OpenAiErrors {

    static ProviderError read(int status, JsonNode root, String body) {
        String text = ErrorBodies.text(root, body);
        JsonNode error = root == null ? null : root.path("error");
        JsonNode codeNode = error == null ? null : error.path("code");
        String code = codeNode != null && (codeNode.isTextual() || codeNode.isNumber()) ? codeNode.asText() : "";
        if (code.equals(String.valueOf(status))) {
            // Azure repeats the status as its code; that says nothing new.
            code = "";
        }
        String inner = error == null ? "" : error.path("innererror").path("code").asText("");
        ErrorCode classified = switch (code) {
            case "context_length_exceeded" -> ErrorCode.CONTEXT_TOO_LONG;
            case "content_filter", "content_policy_violation" -> ErrorCode.CONTENT_FILTERED;
            case "invalid_api_key" -> ErrorCode.AUTHENTICATION;
            case "model_not_found", "unsupported_parameter", "unsupported_value", "DeploymentNotFound" ->
                    ErrorCode.TARGET_UNSUITABLE;
            default -> inner.equals("ResponsibleAIPolicyViolation") ? ErrorCode.CONTENT_FILTERED
                    : ErrorBodies.classify(status, root, text);
        };
        return new ProviderError(classified, code, text);
    }

    private OpenAiErrors() {
    }
}
