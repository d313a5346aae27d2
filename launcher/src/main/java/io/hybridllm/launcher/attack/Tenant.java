package io.hybridllm.launcher.attack;

/** A tenant made over ingest's admin API, with the key it was issued. */
record Tenant(String id, String key) {

    /** Makes tenant {@code id} (with its own request rate per minute) and issues it a key. */
    static Tenant make(String ingest, String adminToken, String id, int perMinute) {
        Http.Answer made = Http.postJson(ingest + "/v1/admin/tenants", adminToken,
                "{\"id\":\"" + id + "\",\"requests_per_minute\":" + perMinute + "}");
        if (made.status() != 201) {
            throw new IllegalStateException("cannot make tenant " + id + ": HTTP " + made.status() + " " + made.body());
        }
        Http.Answer key = Http.postJson(ingest + "/v1/admin/tenants/" + id + "/keys", adminToken, "{}");
        if (key.status() != 201) {
            throw new IllegalStateException("cannot issue a key to " + id + ": HTTP " + key.status());
        }
        return new Tenant(id, key.body().path("key").asText());
    }

    /** Submits a chat request with {@code extra} JSON members; the answer of {@code POST /v1/requests}. */
    Http.Answer submit(String ingest, String content, String extra) {
        return Http.postJson(ingest + "/v1/requests", key, "{\"messages\":[{\"role\":\"user\",\"content\":"
                + io.hybridllm.contracts.json.Json.write(content) + "}]" + (extra.isEmpty() ? "" : "," + extra) + "}");
    }

    /** The request's final status, long-polling up to {@code seconds}; empty string if it is not final by then. */
    String awaitFinal(String ingest, String requestId, int seconds) {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        while (System.nanoTime() < deadline) {
            Http.Answer view = Http.get(ingest + "/v1/requests/" + requestId + "?wait=10s", key);
            String status = view.body().path("status").asText();
            if (status.equals("succeeded") || status.equals("failed") || status.equals("cancelled")
                    || status.equals("expired")) {
                return status;
            }
        }
        return "";
    }
}
