package io.hybridllm.launcher.dlq;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Predicate;

import io.hybridllm.launcher.cli.Checks;
import io.hybridllm.launcher.cli.Context;
import io.hybridllm.launcher.cli.Group;
import io.hybridllm.launcher.cli.KafkaConnection;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code hybrid dlq list|show|replay}: the dead letters of every dead-letter topic, and sending them back. */
@Command(name = "dlq", description = "The dead letters of every *.dlq topic: reason, original topic and key, age; "
        + "replay sends them back. Same connection options as submit.", subcommands = { DlqCommand.Listing.class,
                DlqCommand.Show.class, DlqCommand.Replay.class })
public final class DlqCommand extends Group {

    /** What every dlq subcommand reads: which topics, which letters, how many. */
    abstract static class Reading implements Callable<Integer> {

        final Context context;

        @Option(names = "--topic", paramLabel = "T", description = "Only this dead-letter topic (default: every one).")
        String topic;

        @Mixin
        KafkaConnection kafka;

        Reading(Context context) {
            this.context = context;
        }

        List<DeadLetter> read(Predicate<DeadLetter> match, int limit) {
            List<String> topics = topic != null ? List.of(topic) : DeadLetters.TOPICS;
            return DeadLetters.read(kafka.settings(context.state()), topics, match, limit);
        }
    }

    @Command(name = "list", description = "List dead letters: record, age, original topic, key, reason.")
    static final class Listing extends Reading {

        @Option(names = "--reason", paramLabel = "TEXT", description = "Only those whose reason contains TEXT.")
        String reason;

        @Option(names = "--limit", paramLabel = "N", defaultValue = "1000", description = "At most N (default: "
                + "${DEFAULT-VALUE}).")
        int limit;

        @Spec
        CommandSpec spec;

        Listing(Context context) {
            super(context);
        }

        @Override
        public Integer call() {
            Predicate<DeadLetter> match = letter -> reason == null || letter.reason().contains(reason);
            return list(read(match, Checks.atLeast(spec, "--limit", limit, 1)), context.out());
        }
    }

    @Command(name = "show", description = "One dead letter with its headers and value.")
    static final class Show extends Reading {

        @Parameters(paramLabel = "TOPIC:PARTITION:OFFSET", description = "The record, as dlq list names it.")
        String address;

        Show(Context context) {
            super(context);
        }

        @Override
        public Integer call() {
            return show(read(letter -> letter.address().equals(address), 1), address, context.out());
        }
    }

    @Command(name = "replay", description = "Send dead letters back to their original topic, skipping requests that "
            + "were in fact answered and records replayed before, with an audit entry on llm.audit for each. Name "
            + "records, a --reason, or --all.")
    static final class Replay extends Reading {

        @Parameters(arity = "0..*", paramLabel = "TOPIC:PARTITION:OFFSET", description = "The records.")
        List<String> addresses = new ArrayList<>();

        @Option(names = "--reason", paramLabel = "TEXT", description = "Those whose reason contains TEXT.")
        String reason;

        @Option(names = "--all", description = "Every dead letter (of --topic, when given).")
        boolean all;

        @Option(names = "--limit", paramLabel = "N", defaultValue = "1000", description = "At most N (default: "
                + "${DEFAULT-VALUE}).")
        int limit;

        @Option(names = "--actor", paramLabel = "NAME", description = "Who replays, for the audit (default: the "
                + "user name).")
        String actor = System.getProperty("user.name", "operator");

        @Spec
        CommandSpec spec;

        Replay(Context context) {
            super(context);
        }

        @Override
        public Integer call() throws Exception {
            if (addresses.isEmpty() && !all && reason == null) {
                throw new ParameterException(spec.commandLine(), "dlq replay: name records, a --reason, or --all");
            }
            Predicate<DeadLetter> match = letter -> (reason == null || letter.reason().contains(reason))
                    && (addresses.isEmpty() || addresses.contains(letter.address()));
            return replay(kafka.settings(context.state()), read(match, Checks.atLeast(spec, "--limit", limit, 1)),
                    actor, context.out());
        }
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

    private static int show(List<DeadLetter> letters, String address, PrintStream out) {
        if (letters.isEmpty()) {
            throw new IllegalArgumentException("dlq show: no dead letter " + address + "; see dlq list");
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
