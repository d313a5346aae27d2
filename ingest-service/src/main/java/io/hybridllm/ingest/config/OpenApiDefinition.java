package io.hybridllm.ingest.config;

import jakarta.ws.rs.core.Application;

import org.eclipse.microprofile.openapi.annotations.Components;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

/** The OpenAPI description at {@code /q/openapi}, browsable at {@code /q/swagger-ui}. */
@OpenAPIDefinition(info = @Info(title = "hybrid-llm ingest", version = "1", description = """
        The front door of hybrid-llm: submit requests and poll them (or long-poll, or get a callback), batches in JSON
        Lines, feedback on answers, the OpenAI-compatible chat completions and Batch API, and tenant administration.
        Every way to submit is described in docs/submitting.md."""), components = @Components(securitySchemes = {
        @SecurityScheme(securitySchemeName = "tenantKey", type = SecuritySchemeType.HTTP, scheme = "bearer", description = "A tenant's API key (hyb_…). Not needed when ingest runs with hybrid.ingest.auth=none."),
        @SecurityScheme(securitySchemeName = "adminToken", type = SecuritySchemeType.HTTP, scheme = "bearer", description = "HYBRID_ADMIN_TOKEN, for /v1/admin.") }), security = @SecurityRequirement(name = "tenantKey"))
public class OpenApiDefinition extends Application {
}
