package io.hybridllm.cost.rest;

import jakarta.ws.rs.core.Response;

import io.hybridllm.contracts.http.Problem;

/** Problem documents as responses, with their status and media type. */
final class Problems {

    static Response response(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    private Problems() {
    }
}
