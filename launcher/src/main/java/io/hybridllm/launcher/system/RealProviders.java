package io.hybridllm.launcher.system;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Without {@code --simulate}: says whether the real providers the workers will call are there. */
final class RealProviders {

    static void report(PrintStream out) {
        String ollama = System.getenv().getOrDefault("OLLAMA_HOST", "http://localhost:11434");
        String base = ollama.contains("://") ? ollama : "http://" + ollama;
        boolean answers;
        try {
            HttpRequest tags = HttpRequest.newBuilder(URI.create(base + "/api/tags")).timeout(Duration.ofSeconds(2))
                    .build();
            answers = HttpClient.newHttpClient().send(tags, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException | InterruptedException | IllegalArgumentException e) {
            answers = false;
        }
        out.println(answers ? "Ollama answers at " + base
                : "WARNING: no Ollama answers at " + base + " (set OLLAMA_HOST): local tiers will fail their "
                        + "requests. Run './hybrid up --simulate' to try the system without models.");
        boolean openAiKey = !System.getenv().getOrDefault("OPENAI_API_KEY", "").isBlank();
        out.println(openAiKey ? "Cloud tier: OpenAI (key from OPENAI_API_KEY)"
                : "WARNING: OPENAI_API_KEY is not set: cloud-tier requests will fail with an authentication error.");
    }

    private RealProviders() {
    }
}
