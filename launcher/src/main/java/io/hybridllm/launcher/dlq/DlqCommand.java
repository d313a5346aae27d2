package io.hybridllm.launcher.dlq;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import io.hybridllm.launcher.system.KafkaSettings;

/** {@code hybrid dlq list|show|replay}: the dead letters of every dead-letter topic, and sending them back. */
public final class DlqCommand {

    public static final String USAGE = """
              dlq list [--topic=T] [--reason=TEXT] [--limit=N]
              dlq show TOPIC:PARTITION:OFFSET
              dlq replay (TOPIC:PARTITION:OFFSET... | --reason=TEXT [--topic=T] | --all) [--actor=NAME]
                                               The dead letters of every *.dlq topic: reason, original topic and key,
                                               age. replay sends them back to their original topic, skipping requests
                                               that were in fact answered and records replayed before, with an audit
                                               entry on llm.audit for each. Same connection options as submit.
            """;

    private static final List<String> OPTIONS = List.of("--topic", "--reason", "--limit", "--actor", "--kafka-config",
            "--bootstrap-servers");

    private DlqCommand() {
    }

    public static int run(Path state, List<String> args, PrintStream out) throws Exception {
        if (args.isEmpty()) {
            throw new IllegalArgumentException("dlq: list, show or replay?\n\n" + USAGE);
        }
        Map<String, String> values = new HashMap<>();
        List<String> addresses = new ArrayList<>();
        boolean all = false;
        for (String arg : args.subList(1, args.size())) {
            int equals = arg.indexOf('=');
            if (arg.equals("--all")) {
                all = true;
            } else if (equals > 0 && OPTIONS.contains(arg.substring(0, equals))) {
                values.put(arg.substring(0, equals), arg.substring(equals + 1));
            } else if (!arg.startsWith("-")) {
                addresses.add(arg);
            } else {
                throw new IllegalArgumentException("dlq: unknown option '" + arg + "'\n\n" + USAGE);
            }
        }
        Map<String, Object> kafka = KafkaSettings.of(state, values.get("--kafka-config"),
                values.get("--bootstrap-servers"));
        List<String> topics = values.containsKey("--topic") ? List.of(values.get("--topic")) : DeadLetters.TOPICS;
        Predicate<DeadLetter> match = letter -> !values.containsKey("--reason")
                || letter.reason().contains(values.get("--reason"));
        if (!addresses.isEmpty()) {
            match = match.and(letter -> addresses.contains(letter.address()));
        }
        int limit = Integer.parseInt(values.getOrDefault("--limit", "1000"));
        return switch (args.getFirst()) {
            case "list" -> list(DeadLetters.read(kafka, topics, match, limit), out);
            case "show" -> show(DeadLetters.read(kafka, topics, match, 1), addresses, out);
            case "replay" -> {
                if (addresses.isEmpty() && !all && !values.containsKey("--reason")) {
                    throw new IllegalArgumentException("dlq replay: name records, a --reason, or --all");
                }
                yield replay(kafka, DeadLetters.read(kafka, topics, match, limit),
                        values.getOrDefault("--actor", System.getProperty("user.name", "operator")), out);
            }
            default -> throw new IllegalArgumentException("dlq: unknown command '" + args.getFirst() + "'\n\n" + USAGE);
        };
    }

    private static int list(List<DeadLetter> letters, PrintStream out) {
        Instant now = Instant.now();
        out.printf("%-34s %-8s %-24s %-30s %s%n", "RECORD", "AGE", "FROM", "KEY", "REASON");
        for (DeadLetter letter : letters) {
            out.printf("%-34s %-8s %-24s %-30s %s%n", letter.address(), age(letter.age(now)), letter.originalTopic(),
                    letter.key(), cut(letter.reason(), 100));
        }
        out.printf("%d dead letters%n", letters.size());
        return 0;
    }

    private static int show(List<DeadLetter> letters, List<String> addresses, PrintStream out) {
        if (addresses.size() != 1 || letters.isEmpty()) {
            throw new IllegalArgumentException("dlq show: no dead letter " + addresses + "; see dlq list");
        }
        DeadLetter letter = letters.getFirst();
        out.println("record     " + letter.address());
        out.println("at         " + letter.at() + " (" + age(letter.age(Instant.now())) + " ago)");
        out.println("from       " + letter.originalTopic());
        out.println("key        " + letter.key());
        out.println("reason     " + letter.reason());
        letter.record().headers().forEach(header -> out.println("header     " + header.key() + ": "
                + (header.value() == null ? "" : cut(new String(header.value()), 500))));
        out.println(letter.value());
        return 0;
    }

    private static int replay(Map<String, Object> kafka, List<DeadLetter> letters, String actor, PrintStream out)
            throws Exception {
        List<Replayer.Outcome> outcomes = new Replayer(kafka, actor).replay(letters, Instant.now());
        long replayed = outcomes.stream().filter(Replayer.Outcome::replayed).count();
        outcomes.forEach(
                o -> out.printf("%-8s %s: %s%n", o.replayed() ? "replayed" : "skipped", o.letter().address(), o.why()));
        out.printf("%d replayed, %d skipped (each audited on llm.audit)%n", replayed, outcomes.size() - replayed);
        return 0;
    }

    private static String age(Duration age) {
        return age.toDays() > 0 ? age.toDays() + "d" : age.toHours() > 0 ? age.toHours() + "h" : age.toMinutes() + "m";
    }

    private static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
