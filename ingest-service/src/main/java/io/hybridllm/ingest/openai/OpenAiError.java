package io.hybridllm.ingest.openai;

import java.util.List;
import java.util.Map;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.hybridllm.contracts.http.Problem;

/** OpenAI's error object, {@code {"error": {"message", "type", "param", "code"}}}, as its SDKs expect it. */
public record OpenAiError(Body error) {

    public record Body(String message, String type, String param, String code) {
    }

    /**
     * The header OpenAI's SDKs obey before their own retry rules: {@code false} where a retry would make (and pay for)
     * another request, although the status (409, 5xx) would have them retry.
     */
    public static final String SHOULD_RETRY = "x-should-retry";

    /** The native API's paths under /v1, which answer problem+json; every other /v1 path is OpenAI's. */
    private static final List<String> NATIVE = List.of("/v1/requests", "/v1/request-batches", "/v1/admin/");

    /**
     * The paths that answer in OpenAI's shapes: every /v1 path but the native API's, so that an OpenAI client calling
     * an endpoint this gateway lacks reads the 404 as it reads OpenAI's.
     */
    public static boolean isOpenAiPath(String path) {
        String p = path.startsWith("/") ? path : "/" + path;
        return p.startsWith("/v1/") && NATIVE.stream().noneMatch(p::startsWith);
    }

    /** A problem of the common error handling, in OpenAI's shape, with the same status. */
    public static Failure of(Problem problem) {
        String code = problem.type().substring(problem.type().lastIndexOf(':') + 1).replace('-', '_');
        String param = problem.field() == null || problem.field().isEmpty() ? null : problem.field();
        return failure(problem.status(), code, problem.detail(), param);
    }

    public static Failure failure(int status, String code, String message, String param) {
        return new Failure(status, new OpenAiError(new Body(message, typeOf(status), param, code)), Map.of());
    }

    /** The error types OpenAI's SDKs know, by status. */
    private static String typeOf(int status) {
        return switch (status) {
            case 401 -> "authentication_error";
            case 403 -> "permission_error";
            case 404 -> "not_found_error";
            case 409 -> "conflict_error";
            case 429 -> "rate_limit_error";
            default -> status < 500 ? "invalid_request_error" : "server_error";
        };
    }

    /** An OpenAI-shaped error thrown by an OpenAI endpoint, with its status and any headers. */
    public static class Failure extends RuntimeException {
        private final int status;
        private final OpenAiError error;
        private final Map<String, String> headers;

        public Failure(int status, OpenAiError error, Map<String, String> headers) {
            super(error.error().message());
            this.status = status;
            this.error = error;
            this.headers = headers;
        }

        public Failure withHeaders(Map<String, String> more) {
            return new Failure(status, error, more);
        }

        /** The error object itself, for answers written outside JAX-RS. */
        public OpenAiError body() {
            return error;
        }

        public Response response() {
            Response.ResponseBuilder builder = Response.status(status).type(MediaType.APPLICATION_JSON).entity(error);
            headers.forEach(builder::header);
            return builder.build();
        }
    }
}
