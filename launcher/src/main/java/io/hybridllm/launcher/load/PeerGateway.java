package io.hybridllm.launcher.load;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.hybridllm.testkit.support.FreePorts;
import io.hybridllm.testkit.support.TempDirs;

/**
 * The open-source Portkey gateway, the peer of the OpenAI path's benchmark: installed with npm into a temporary folder
 * (never a dependency of the project; it needs node and npm on the PATH, and the registry), run with node on a free
 * port, and deleted on close.
 */
final class PeerGateway implements AutoCloseable {

    static final String PACKAGE = "@portkey-ai/gateway@1.15.2";

    private final Path folder;
    private final Process process;
    private final int port;

    private PeerGateway(Path folder, Process process, int port) {
        this.folder = folder;
        this.process = process;
        this.port = port;
    }

    static PeerGateway install(PrintStream out) throws InterruptedException {
        Path folder = TempDirs.create("hybrid-peer-");
        try {
            out.println("Installing " + PACKAGE + " with npm into " + folder + " ...");
            Process npm = new ProcessBuilder("npm", "install", "--no-audit", "--no-fund", "--loglevel=error", PACKAGE)
                    .directory(folder.toFile()).redirectErrorStream(true)
                    .redirectOutput(folder.resolve("npm.log").toFile()).start();
            if (!npm.waitFor(5, TimeUnit.MINUTES) || npm.exitValue() != 0) {
                npm.destroyForcibly();
                throw new IllegalStateException(
                        "npm install " + PACKAGE + " failed: " + tail(folder.resolve("npm.log")));
            }
            int port = FreePorts.next();
            Path server = folder.resolve("node_modules/@portkey-ai/gateway/build/start-server.js");
            Process node = new ProcessBuilder("node", server.toString(), "--port=" + port, "--headless")
                    .directory(folder.toFile()).redirectErrorStream(true)
                    .redirectOutput(folder.resolve("gateway.log").toFile()).start();
            PeerGateway gateway = new PeerGateway(folder, node, port);
            gateway.awaitListening(Duration.ofSeconds(60));
            out.println("  Portkey gateway (node, pid " + node.pid() + ") listening at " + gateway.url());
            return gateway;
        } catch (IOException e) {
            TempDirs.delete(folder);
            throw new UncheckedIOException("cannot install or start " + PACKAGE + " (are node and npm installed?)", e);
        }
    }

    private void awaitListening(Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                break;
            }
            try (Socket socket = new Socket("localhost", port)) {
                return;
            } catch (IOException e) {
                Thread.sleep(200);
            }
        }
        close();
        throw new IllegalStateException(
                "the Portkey gateway did not listen on " + port + ": " + tail(folder.resolve("gateway.log")));
    }

    String url() {
        return "http://localhost:" + port;
    }

    long pid() {
        return process.pid();
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            TempDirs.delete(folder);
        }
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 10), lines.size()));
        } catch (IOException e) {
            return "(no log)";
        }
    }
}
