package io.hybridllm.launcher.submit;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import io.hybridllm.launcher.system.KafkaSettings;

/**
 * {@code hybrid submit FILE.jsonl [options]}: the options, and Ctrl-C as a stop that leaves a journal to resume from.
 */
public final class SubmitCommand {

    public static final String USAGE = """
              submit FILE.jsonl [--output=PATH] [--tenant=ID] [--job=ID] [--max-in-flight=N] [--timeout=S]
                     [--bootstrap-servers=HOSTS] [--kafka-config=FILE] [--shared-topic] [--progress-every=S]
                                               Submit every line of FILE (native POST /v1/requests bodies or OpenAI
                                               batch lines) over Kafka as one job, with a live progress bar; write the
                                               results in input order to PATH (default FILE.results.jsonl). Ctrl-C and
                                               the same command again resumes without submitting anything twice (the
                                               journal PATH.journal). Exit 0 if every line succeeded, 1 if not, 130 if
                                               stopped. Connects to ./hybrid up's broker as its administrator unless
                                               --kafka-config names other settings.
            """;

    private static final List<String> OPTIONS = List.of("--output", "--tenant", "--job", "--max-in-flight", "--timeout",
            "--bootstrap-servers", "--kafka-config", "--progress-every");

    private SubmitCommand() {
    }

    public static int run(Path state, List<String> args) throws Exception {
        Map<String, String> values = new HashMap<>();
        Path input = null;
        boolean shared = false;
        for (String arg : args) {
            int equals = arg.indexOf('=');
            String name = equals < 0 ? arg : arg.substring(0, equals);
            if (arg.equals("--shared-topic")) {
                shared = true;
            } else if (OPTIONS.contains(name) && equals > 0) {
                values.put(name, arg.substring(equals + 1));
            } else if (!arg.startsWith("-") && input == null) {
                input = Path.of(arg);
            } else {
                throw new IllegalArgumentException("submit: unknown option '" + arg + "'\n\n" + USAGE);
            }
        }
        if (input == null) {
            throw new IllegalArgumentException("submit: which file?\n\n" + USAGE);
        }
        SubmitOptions options = new SubmitOptions(input,
                Path.of(values.getOrDefault("--output", SubmitOptions.defaultOutput(input).toString())),
                values.getOrDefault("--tenant", "default"),
                values.getOrDefault("--job", SubmitOptions.defaultJobId(input)),
                KafkaSettings.of(state, values.get("--kafka-config"), values.get("--bootstrap-servers")), shared,
                number(values, "--max-in-flight", 64), Duration.ofSeconds(number(values, "--timeout", 600)),
                System.console() != null, Duration.ofSeconds(number(values, "--progress-every", 10)));
        AtomicBoolean stop = new AtomicBoolean();
        CountDownLatch finished = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            stop.set(true);
            try {
                finished.await(30, TimeUnit.SECONDS); // let the run close its journal and flush its sends
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "hybrid-submit-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            return new SubmitRun(options, System.out).run(stop::get);
        } finally {
            finished.countDown();
        }
    }

    private static int number(Map<String, String> values, String name, int fallback) {
        String value = values.get(name);
        try {
            return value == null ? fallback : Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("submit: " + name + " takes a whole number, not '" + value + "'");
        }
    }
}
