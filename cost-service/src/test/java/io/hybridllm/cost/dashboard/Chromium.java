package io.hybridllm.cost.dashboard;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Debian's chromium, headless, from its command line: the page's DOM after its scripts ran, or a screenshot. Each run
 * gets a fresh profile and stays off the network except for the page (no sync, updates or background requests).
 */
final class Chromium {

    static final Path BINARY = Path.of(System.getenv().getOrDefault("HYBRID_CHROMIUM", "/usr/bin/chromium"));
    /** Virtual time the page may spend loading; the reports' fetches are real and pause it while they run. */
    private static final String BUDGET_MS = "20000";

    /** Fails, saying how to install it, when chromium is missing: the dashboard test never skips. */
    static void requireInstalled() {
        if (!Files.isExecutable(BINARY)) {
            throw new AssertionError("the dashboard test needs Debian's chromium at " + BINARY
                    + ", and it is missing. Install it with `sudo apt-get install -y chromium` (./hybrid test does"
                    + " this itself when it runs as root), or point HYBRID_CHROMIUM at a chromium binary.");
        }
    }

    /** The page's DOM, serialized, once its scripts are done (or the virtual time budget is spent). */
    static String dumpDom(URL page) {
        return run(List.of("--dump-dom", page.toString()), "dump-dom");
    }

    static void screenshot(URL page, Path png, int width, int height) {
        run(List.of("--screenshot=" + png.toAbsolutePath(), "--window-size=" + width + "," + height,
                "--hide-scrollbars", page.toString()), "screenshot");
        if (!Files.isRegularFile(png)) {
            throw new AssertionError("chromium wrote no screenshot to " + png);
        }
    }

    private static String run(List<String> arguments, String what) {
        requireInstalled();
        Path profile = null;
        try {
            profile = Files.createTempDirectory("chromium-profile");
            Path log = Files.createDirectories(Path.of("target")).resolve("chromium-" + what + ".log");
            List<String> command = new ArrayList<>(List.of(BINARY.toString(), "--headless", "--no-sandbox",
                    "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
                    "--user-data-dir=" + profile, "--virtual-time-budget=" + BUDGET_MS));
            command.addAll(arguments);
            Process process = new ProcessBuilder(command).redirectError(log.toFile()).start();
            // Read before waiting: a large DOM would fill the pipe and stall chromium.
            var output = process.getInputStream().readAllBytes();
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("chromium " + what + " did not finish within 120 s; see " + log);
            }
            if (process.exitValue() != 0) {
                throw new AssertionError(
                        "chromium " + what + " exited with " + process.exitValue() + ": " + Files.readString(log));
            }
            return new String(output, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while chromium ran", e);
        } finally {
            delete(profile);
        }
    }

    private static void delete(Path directory) {
        if (directory == null) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // A leftover temporary profile is harmless.
        }
    }

    private Chromium() {
    }
}
