package io.hybridllm.launcher;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import io.hybridllm.contracts.ReplyTopics;
import io.hybridllm.contracts.Topics;
import io.hybridllm.launcher.attack.AttackSuite;
import io.hybridllm.launcher.cost.CostSimulateCommand;
import io.hybridllm.launcher.cost.JobCostsCommand;
import io.hybridllm.launcher.deploy.KafkaAccessManifests;
import io.hybridllm.launcher.dlq.DlqCommand;
import io.hybridllm.launcher.examples.ExampleCommand;
import io.hybridllm.launcher.faults.FaultSuite;
import io.hybridllm.launcher.load.LoadBench;
import io.hybridllm.launcher.load.PeerBench;
import io.hybridllm.launcher.submit.SubmitCommand;
import io.hybridllm.testkit.kafka.TopicAdmin;

/** The {@code hybrid} command line: {@code hybrid up [--simulate] [--latency=MS]} and {@code hybrid bench}. */
public final class Hybrid {

    private static final String USAGE = """
            Usage: hybrid <command> [options]

              up [--simulate] [--latency=MS] [--base-port=N] [--durable]
                                               Run the whole system on this machine: embedded Kafka and PostgreSQL,
                                               the five services, each started again if it exits. --simulate adds
                                               built-in Ollama- and OpenAI-compatible simulators answering after MS
                                               milliseconds (default 20). --base-port: the services on N to N+4, the
                                               broker on N+5 (default: 8080 to 8084, 9092). --durable: PostgreSQL
                                               commits wait for the disk (default: synchronous_commit off).
              bench [--requests=N]             Start a simulated system with a zero-latency model and measure the
                                               end-to-end latency of N sequential HTTP requests (default 1000).
              bench router [--requests=N]      Fill llm.requests with N requests (default 50000), start one router,
                                               and measure how many it routes per second.
              bench load [--path=kafka|http|openai] [--rates=R1,R2,...] [--seconds=S] [--latency=MS]
                         [--warm-up=S] [--durable] [--peer [--clients=N]]
                                               Run the simulated system (model time MS, default 20) and drive one
                                               path (Kafka jobs with reply_to, HTTP submit + long-poll, or
                                               /v1/chat/completions) at each rate (default 100,500,1000,2000 per s)
                                               for S seconds (20), after a warm-up at the first rate (10 s):
                                               completed/s, added latency p50/p95/p99/max, CPU and memory per
                                               process, consumer lag per group. --peer: instead, N closed-loop
                                               clients (20) on /v1/chat/completions here and on the Portkey gateway
                                               (npm, into a temporary folder) at the same simulator, A B A B.
              bench embed [--texts=N]          Embed N texts (default 2000) with the in-process model on one thread,
                                               in batches of 1 and of 16: texts and tokens per second.
              bench worker [--requests=N] [--slots=S] [--latency=MS]
                                               Fill llm.tier.local-fast with N requests (default 5000), start one
                                               local worker with S slots (8) on a simulated Ollama answering after
                                               MS ms (100), and compare its rate with the S/latency limit.
              bench cloud [--requests=N] [--latency=MS] [--in-flight=N]
                                               Fill llm.tier.cloud with N requests (default 20000), start one cloud
                                               worker (-Xmx512m) with N slots (5000) on a simulated OpenAI answering
                                               after MS ms (2000); report its rate, peak calls in flight and heap.
              attack [--seconds=S] [--rate=R]  An adversarial tenant against the simulated system, run closed (tenant
                                               keys): pathological prompts for every scanner, oversized and deeply
                                               nested bodies, reply_to to internal and foreign topics, cross-tenant
                                               reads, batches, deadlines, unservable requests, a forged control record; beside an
                                               honest tenant at R/s (20) for S s (30) alone and again under attack.
                                               Exits 1 if an attempt was not contained or an honest request was lost.
              faults [--requests=N] [--rate=R] [--seed=N | --seeds=FIRST..LAST]
                                               Fault-injection run on the simulated system: N requests (default
                                               50000) at R/s (100) through Kafka and HTTP while workers are SIGKILLed
                                               in ways the seed draws (a crash, both at once, during a restart, during
                                               a broker or database restart), Kafka and PostgreSQL restart once at
                                               moments the seed draws, providers fail and one goes down, and poison
                                               goes to every topic and endpoint. Prints the checks (nothing lost,
                                               nothing answered twice, ...); exit 1 if one fails. --seeds runs one
                                               seed after another on one system: a line per seed and a total.
              topics --bootstrap-servers=HOSTS [--replication-factor=N]
                                               Create the system's topics on a Kafka cluster, with the documented
                                               partitions and retention (existing topics are kept).
              cost simulate --days N --per-day N --mix FILE [--mode MODE] [--policy FILE] [--pricing FILE]
                            [--reference provider/model]
                                               Price a workload mix (TOML or JSON, see docs/costs.md) through the
                                               routing policy and the price catalogue: pure API against hybrid.
              kafka-user TENANT [--compose] [--reply-prefix=P]
                                               Print a tenant's Kafka principal with exactly its grants (it writes
                                               requests.TENANT, reads P TENANT.*): a Strimzi KafkaUser, or with
                                               --compose the script that makes it on docker-compose.yml's broker.
            """
            + SubmitCommand.USAGE
            + """
                      config check [FILE]              Validate the routing policy (this machine's layered lookup, with FILE
                                                       on top) and print the effective policy, or every problem in it.
                      help                             This text.
                    """;

    public static void main(String[] args) throws Exception {
        Path home = Path.of(System.getProperty("hybrid.home", ".")).toAbsolutePath().normalize();
        // Logs and the run's key; another directory lets a second system run beside the first (tests do).
        Path state = Path.of(System.getProperty("hybrid.state", home.resolve(".hybrid").toString())).toAbsolutePath();
        List<String> arguments = Arrays.asList(args);
        String command = arguments.isEmpty() ? "help" : arguments.getFirst();
        List<String> flags = arguments.isEmpty() ? List.of() : arguments.subList(1, arguments.size());
        quietInfrastructureLogs(state);
        try {
            switch (command) {
                case "up" -> up(home, state, flags);
                case "bench" -> {
                    if (flags.contains("embed")) {
                        EmbeddingBench.run(intFlag(flags, "--texts", 2_000), System.out);
                    } else if (flags.contains("router")) {
                        RouterThroughputBench.run(home, intFlag(flags, "--requests", 50_000), System.out);
                    } else if (flags.contains("load") && flags.contains("--peer")) {
                        PeerBench.run(home, intFlag(flags, "--clients", 20),
                                Duration.ofSeconds(intFlag(flags, "--seconds", 20)),
                                Duration.ofSeconds(intFlag(flags, "--warm-up", 10)),
                                Duration.ofMillis(intFlag(flags, "--latency", 20)), flags.contains("--durable"),
                                System.out);
                    } else if (flags.contains("load")) {
                        LoadBench.run(home, flags.contains("--durable"), stringFlag(flags, "--path", "kafka"),
                                rates(flags), Duration.ofSeconds(intFlag(flags, "--seconds", 20)),
                                Duration.ofSeconds(intFlag(flags, "--warm-up", 10)),
                                Duration.ofMillis(intFlag(flags, "--latency", 20)), System.out);
                    } else if (flags.contains("cloud")) {
                        CloudThroughputBench.run(home, intFlag(flags, "--requests", 20_000),
                                intFlag(flags, "--in-flight", 5_000),
                                Duration.ofMillis(intFlag(flags, "--latency", 2_000)), System.out);
                    } else if (flags.contains("worker")) {
                        WorkerThroughputBench.run(home, intFlag(flags, "--requests", 5_000),
                                intFlag(flags, "--slots", 8), Duration.ofMillis(intFlag(flags, "--latency", 100)),
                                System.out);
                    } else {
                        LatencyBench.run(home, intFlag(flags, "--requests", 1000), System.out);
                    }
                }
                case "faults" -> {
                    int requests = intFlag(flags, "--requests", 50_000);
                    int rate = intFlag(flags, "--rate", 100);
                    String seeds = stringFlag(flags, "--seeds", String.valueOf(intFlag(flags, "--seed", 1)));
                    List<String> failed = FaultSuite.run(home, FaultSuite.seeds(seeds, requests, rate), System.out);
                    System.exit(failed.isEmpty() ? 0 : 1);
                }
                case "attack" -> {
                    List<String> failed = AttackSuite.run(home,
                            new AttackSuite.Options(Duration.ofSeconds(intFlag(flags, "--seconds", 30)),
                                    intFlag(flags, "--rate", 20)),
                            System.out);
                    System.exit(failed.isEmpty() ? 0 : 1);
                }
                case "submit" -> System.exit(SubmitCommand.run(state, flags));
                case "dlq" -> System.exit(DlqCommand.run(state, flags, System.out));
                case "topics" -> topics(flags);
                case "kafka-user" -> kafkaUser(flags);
                case "cost" -> CostSimulateCommand.run(flags, System.out);
                case "costs" -> System.exit(JobCostsCommand.run(flags, System.out));
                case "example" -> System.exit(ExampleCommand.run(state, flags, System.out));
                case "config" -> {
                    if (flags.isEmpty() || !flags.getFirst().equals("check")) {
                        throw new IllegalArgumentException("usage: hybrid config check [FILE]");
                    }
                    System.exit(ConfigCheck.run(flags.subList(1, flags.size()), System.out, System.err));
                }
                case "help", "--help", "-h" -> System.out.print(USAGE);
                default -> fail("unknown command '" + command + "'\n\n" + USAGE);
            }
        } catch (IllegalArgumentException | IllegalStateException e) {
            fail(e.getMessage());
        }
    }

    private static void up(Path home, Path state, List<String> flags) throws InterruptedException {
        for (String flag : flags) {
            if (!flag.equals("--simulate") && !flag.equals("--durable") && !flag.startsWith("--latency=")
                    && !flag.startsWith("--base-port=")) {
                throw new IllegalArgumentException("unknown option '" + flag + "' for up\n\n" + USAGE);
            }
        }
        boolean simulate = flags.contains("--simulate");
        Duration latency = Duration.ofMillis(intFlag(flags, "--latency", 20));
        PrintStream out = System.out;
        LaunchOptions options = LaunchOptions.defaults(home).withSimulation(simulate, latency).withState(state)
                .withDurable(flags.contains("--durable"));
        int basePort = intFlag(flags, "--base-port", 0);
        LocalSystem system = new LocalSystem(basePort == 0 ? options : options.withBasePort(basePort));
        CountDownLatch stopped = new CountDownLatch(1);
        // One hook, registered before anything starts, so that Ctrl-C at any time stops what runs, in order:
        // services drain first, then the infrastructure goes.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("\nStopping: services first, then PostgreSQL and Kafka ...");
            system.close();
            stopped.countDown();
        }, "hybrid-shutdown"));
        system.gaveUp().thenRun(stopped::countDown);
        system.start(out);
        printWelcome(system, out);
        stopped.await();
        if (system.gaveUp().isDone()) {
            // A supervisor that gave up stops everything and says so in its exit status, rather than leave a
            // system running without one of its parts.
            System.err.println("hybrid: stopping everything, the supervisor gave up on "
                    + system.gaveUp().join().lines().findFirst().orElse(""));
            System.exit(3);
        }
    }

    private static void topics(List<String> flags) {
        String servers = flags.stream().filter(f -> f.startsWith("--bootstrap-servers=")).findFirst()
                .map(f -> f.substring("--bootstrap-servers=".length()))
                .orElseThrow(() -> new IllegalArgumentException("topics needs --bootstrap-servers=host:port[,...]"));
        short replication = (short) intFlag(flags, "--replication-factor", 3);
        TopicAdmin.createAll(servers, Topics.ALL, replication);
        Topics.ALL.forEach(spec -> System.out.printf("%-26s %3d partitions%n", spec.name(), spec.partitions()));
    }

    private static void kafkaUser(List<String> flags) {
        List<String> tenants = flags.stream().filter(f -> !f.startsWith("--")).toList();
        if (tenants.size() != 1) {
            throw new IllegalArgumentException("usage: hybrid kafka-user TENANT [--compose] [--reply-prefix=P]");
        }
        String prefix = stringFlag(flags, "--reply-prefix", ReplyTopics.DEFAULT_PREFIX);
        new ReplyTopics(prefix); // refuses a prefix that could name a system topic
        System.out.print(flags.contains("--compose") ? KafkaAccessManifests.composeTenant(tenants.getFirst(), prefix)
                : KafkaAccessManifests.tenantUser(tenants.getFirst(), prefix));
    }

    private static void printWelcome(LocalSystem system, PrintStream out) {
        LaunchOptions options = system.options();
        out.println();
        out.println("hybrid-llm is up.");
        out.println("  ingest        " + options.url(Service.INGEST) + "   POST /v1/requests, GET /v1/requests/{id}");
        out.println("  router        " + options.url(Service.ROUTER));
        out.println("  worker-local  " + options.url(Service.WORKER_LOCAL));
        out.println("  worker-cloud  " + options.url(Service.WORKER_CLOUD));
        out.println("  cost          " + options.url(Service.COST) + "   GET /v1/costs/summary");
        out.println("  health        <service>/q/health, metrics <service>/q/metrics");
        out.println("  Kafka         " + system.kafkaBootstrapServers() + " (SASL/SCRAM; as its administrator: "
                + options.state().resolve(KafkaPrincipals.ADMIN_PROPERTIES) + ")");
        out.println("  PostgreSQL    " + system.postgres().jdbcUrl("{ingest,cost}") + " (user postgres)");
        out.println("  logs          " + options.logDir());
        if (options.simulate()) {
            out.println();
            out.println(
                    "  !!! SIMULATED PROVIDERS: every answer comes from a built-in simulator, not from a model. !!!");
        }
        out.println();
        out.println("Try:");
        out.println("  curl -s -X POST " + options.url(Service.INGEST)
                + "/v1/requests -H 'Content-Type: application/json' \\");
        out.println("       -d '{\"messages\":[{\"role\":\"user\",\"content\":\"What is 2+2?\"}]}'");
        out.println("  curl -s " + options.url(Service.INGEST) + "/v1/requests/<id>");
        out.println();
        out.println("Ctrl-C stops everything.");
    }

    /** {@code --rates=100,500} as numbers; the default when absent. */
    private static List<Integer> rates(List<String> flags) {
        String list = flags.stream().filter(flag -> flag.startsWith("--rates=")).findFirst()
                .map(flag -> flag.substring("--rates=".length())).orElse("100,500,1000,2000");
        try {
            return Arrays.stream(list.split(",")).map(String::strip).map(Integer::parseInt).toList();
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--rates takes whole numbers separated by commas, not '" + list + "'");
        }
    }

    private static String stringFlag(List<String> flags, String name, String fallback) {
        return flags.stream().filter(flag -> flag.startsWith(name + "=")).findFirst()
                .map(flag -> flag.substring(name.length() + 1)).orElse(fallback);
    }

    private static int intFlag(List<String> flags, String name, int fallback) {
        for (String flag : flags) {
            if (flag.startsWith(name + "=")) {
                try {
                    return Integer.parseInt(flag.substring(name.length() + 1));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(name + " takes a whole number, not '" + flag + "'");
                }
            }
        }
        return fallback;
    }

    private static void quietInfrastructureLogs(Path state) {
        // The embedded broker and database log through slf4j-simple; keep their chatter out of the terminal.
        System.setProperty("org.slf4j.simpleLogger.logFile",
                state.resolve("logs").resolve("infrastructure.log").toString());
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        state.resolve("logs").toFile().mkdirs();
    }

    private static void fail(String message) {
        System.err.println("hybrid: " + message);
        System.exit(2);
    }

    private Hybrid() {
    }
}
