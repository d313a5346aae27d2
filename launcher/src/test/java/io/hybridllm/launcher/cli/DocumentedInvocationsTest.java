package io.hybridllm.launcher.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;

/**
 * Every {@code ./hybrid ...} invocation the README and docs/ show parses as written: the same options, the same forms
 * ({@code --seeds=1..3}, {@code --days 30}). Skipped: {@code ./hybrid test} (the shell script's), and synopses with
 * placeholders ({@code [--tenant=]}, {@code --rates=RATES}, {@code ...}). A command named in prose without its required
 * options ({@code ./hybrid cost simulate}) only has to name a command.
 */
class DocumentedInvocationsTest {

    private static final Pattern INVOCATION = Pattern.compile("\\./hybrid((?: +[^\\s`|;&#)\"'<>]+)*)");
    private static final Pattern PLACEHOLDER = Pattern.compile("[\\[\\]]|\\.\\.\\.|=[A-Z_]+$|^[A-Z_.]+$");

    @TempDir
    Path state;

    @Test
    void everyDocumentedInvocationParses() throws IOException {
        Path home = Path.of(System.getProperty("hybrid.home", "..")).toAbsolutePath().normalize();
        List<List<String>> invocations = invocations(home);
        assertThat(invocations).as("invocations found").hasSizeGreaterThan(30);
        List<String> failures = new ArrayList<>();
        for (List<String> args : invocations) {
            try {
                CommandLines.parse(state, args.toArray(String[]::new));
            } catch (CommandLine.MissingParameterException e) {
                if (args.stream().anyMatch(arg -> arg.startsWith("-"))) {
                    failures.add(String.join(" ", args) + ": " + e.getMessage());
                }
            } catch (CommandLine.ParameterException e) {
                failures.add(String.join(" ", args) + ": " + e.getMessage());
            }
        }
        assertThat(failures).isEmpty();
    }

    private static List<List<String>> invocations(Path home) throws IOException {
        TreeSet<String> found = new TreeSet<>();
        try (Stream<Path> docs = Files.walk(home.resolve("docs"))) {
            Stream.concat(Stream.of(home.resolve("README.md")), docs.filter(p -> p.toString().endsWith(".md")))
                    .forEach(file -> {
                        Matcher matcher = INVOCATION.matcher(read(file));
                        while (matcher.find()) {
                            found.add(matcher.group(1).strip());
                        }
                    });
        }
        List<List<String>> invocations = new ArrayList<>();
        for (String line : found) {
            List<String> args = line.isEmpty() ? List.of() : List.of(line.split(" +"));
            boolean placeholder = args.stream()
                    .anyMatch(arg -> PLACEHOLDER.matcher(arg).find() && !arg.matches("--seeds=\\d+\\.\\.\\d+"));
            if (!placeholder && (args.isEmpty() || !args.getFirst().equals("test"))) {
                invocations.add(args);
            }
        }
        return invocations;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
