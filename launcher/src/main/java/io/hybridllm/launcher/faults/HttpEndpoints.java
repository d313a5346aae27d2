package io.hybridllm.launcher.faults;

import java.util.List;

import io.hybridllm.launcher.system.Service;

/** Every HTTP endpoint of the services, for fuzzing; {@code {x}} marks a path segment the fuzzer fills. */
public final class HttpEndpoints {

    public record Endpoint(Service service, String method, String path) {
    }

    public static final List<Endpoint> ALL = List.of(new Endpoint(Service.INGEST, "POST", "/v1/requests"),
            new Endpoint(Service.INGEST, "GET", "/v1/requests/{x}"),
            new Endpoint(Service.INGEST, "DELETE", "/v1/requests/{x}"),
            new Endpoint(Service.INGEST, "POST", "/v1/requests/{x}/feedback"),
            new Endpoint(Service.INGEST, "POST", "/v1/admin/tenants"),
            new Endpoint(Service.INGEST, "GET", "/v1/admin/tenants/{x}"),
            new Endpoint(Service.INGEST, "POST", "/v1/admin/tenants/{x}/keys"),
            new Endpoint(Service.INGEST, "DELETE", "/v1/admin/tenants/{x}/keys/{x}"),
            new Endpoint(Service.INGEST, "POST", "/v1/request-batches"),
            new Endpoint(Service.INGEST, "GET", "/v1/request-batches/{x}"),
            new Endpoint(Service.INGEST, "GET", "/v1/request-batches/{x}/results"),
            new Endpoint(Service.INGEST, "POST", "/v1/chat/completions"),
            new Endpoint(Service.INGEST, "GET", "/v1/models"), new Endpoint(Service.INGEST, "POST", "/v1/files"),
            new Endpoint(Service.INGEST, "GET", "/v1/files/{x}/content"),
            new Endpoint(Service.INGEST, "POST", "/v1/batches"), new Endpoint(Service.INGEST, "GET", "/v1/batches/{x}"),
            new Endpoint(Service.INGEST, "POST", "/v1/batches/{x}/cancel"),
            new Endpoint(Service.ROUTER, "POST", "/v1/route/explain"),
            new Endpoint(Service.ROUTER, "GET", "/v1/policy"), new Endpoint(Service.ROUTER, "PUT", "/v1/policy"),
            new Endpoint(Service.ROUTER, "DELETE", "/v1/policy"),
            new Endpoint(Service.COST, "GET", "/v1/costs/summary"),
            new Endpoint(Service.COST, "GET", "/v1/costs/savings"), new Endpoint(Service.COST, "GET", "/v1/budgets"),
            new Endpoint(Service.COST, "PUT", "/v1/budgets/{x}/{x}"),
            new Endpoint(Service.COST, "GET", "/v1/budgets/{x}/{x}"),
            new Endpoint(Service.COST, "DELETE", "/v1/budgets/{x}/{x}"));

    private HttpEndpoints() {
    }
}
