package io.hybridllm.cost.rest;

import jakarta.persistence.PersistenceException;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.hybridllm.contracts.http.Problem;
import io.hybridllm.runtime.DatabaseOutage;
import io.quarkus.narayana.jta.QuarkusTransactionException;

/**
 * A report or budget request that met a database restart or an exhausted pool is answered 503 with {@code Retry-After},
 * so a dashboard retries; any other database failure is a defect, logged and answered 500.
 */
public class DatabaseFailures {

    private static final Logger LOG = Logger.getLogger(DatabaseFailures.class);

    @ServerExceptionMapper({ PersistenceException.class, QuarkusTransactionException.class })
    public Response databaseFailure(RuntimeException e) {
        if (!DatabaseOutage.isOutage(e)) {
            LOG.error("database error", e);
            return Problems
                    .response(Problem.of("internal", "Internal error", 500, "a database error; see the service log"));
        }
        LOG.warn("database unavailable: " + e.getMessage());
        return Response.fromResponse(Problems.response(Problem.of("unavailable", "Database unavailable", 503,
                "the database cannot be reached right now; retry later"))).header("Retry-After", "2").build();
    }
}
