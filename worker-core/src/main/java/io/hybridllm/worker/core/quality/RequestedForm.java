package io.hybridllm.worker.core.quality;

import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import io.hybridllm.contracts.GenerationOptions;
import io.hybridllm.contracts.ResponseFormat;
import io.hybridllm.contracts.ToolCall;
import io.hybridllm.contracts.json.Json;
import io.hybridllm.worker.core.CallResult;

/**
 * What the request promised its client about the answer's form, checked on every answer: not cut off, a tool call where
 * one was required (of the named function), JSON where JSON was asked for, valid against the schema when one was given.
 * Providers that enforce these themselves pass; the others (and local models) are held to them here.
 */
final class RequestedForm {

    static Optional<String> broken(GenerationOptions options, CallResult.Answered answered) {
        if (answered.truncated()) {
            return Optional.of("truncated: the model stopped at its token limit (finish_reason length)");
        }
        if (options.toolChoice() != null && options.toolChoice().forcesCall()) {
            if (answered.toolCalls() == null) {
                return Optional.of("a tool call was required (tool_choice " + Json.wireName(options.toolChoice().mode())
                        + "), but the model answered without one");
            }
            String name = options.toolChoice().name();
            if (name != null && answered.toolCalls().stream().map(ToolCall::name).anyMatch(n -> !n.equals(name))) {
                return Optional.of("the model called another function than " + name + ", which tool_choice named");
            }
        }
        if (answered.toolCalls() != null) {
            return callsOffered(options, answered);
        }
        ResponseFormat format = options.responseFormat();
        if (format == null || !format.wantsJson()) {
            return Optional.empty();
        }
        JsonNode json = parse(answered.answer());
        if (json == null || !json.isObject() && format.type() == ResponseFormat.Type.JSON_OBJECT) {
            return Optional.of("response_format asks for a JSON "
                    + (format.type() == ResponseFormat.Type.JSON_OBJECT ? "object" : "answer")
                    + ", but the answer is not one");
        }
        if (format.type() == ResponseFormat.Type.JSON_SCHEMA) {
            return JsonSchemaCheck.violation(format.schema(), json)
                    .map(violation -> "the answer does not match the response_format schema " + format.name() + ": "
                            + violation);
        }
        return Optional.empty();
    }

    /** A call to a function that was not offered, or with arguments that are no JSON object, is no answer. */
    private static Optional<String> callsOffered(GenerationOptions options, CallResult.Answered answered) {
        for (ToolCall call : answered.toolCalls()) {
            if (options.tools() == null || options.tools().stream().noneMatch(t -> t.name().equals(call.name()))) {
                return Optional.of("the model called " + call.name() + ", which the request did not offer");
            }
            JsonNode arguments = parse(call.arguments());
            if (arguments == null || !arguments.isObject()) {
                return Optional.of("the model called " + call.name() + " with arguments that are no JSON object");
            }
        }
        return Optional.empty();
    }

    private static JsonNode parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Json.mapper().readTree(text.strip());
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    private RequestedForm() {
    }
}
