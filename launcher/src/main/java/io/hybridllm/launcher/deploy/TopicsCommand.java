package io.hybridllm.launcher.deploy;

import java.util.concurrent.Callable;

import io.hybridllm.contracts.Topics;
import io.hybridllm.launcher.cli.Checks;
import io.hybridllm.launcher.cli.Context;
import io.hybridllm.testkit.kafka.TopicAdmin;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code hybrid topics}: the system's topics on a Kafka cluster. */
@Command(name = "topics", description = "Create the system's topics on a Kafka cluster, with the documented "
        + "partitions and retention (existing topics are kept).")
public final class TopicsCommand implements Callable<Integer> {

    private final Context context;

    @Spec
    CommandSpec spec;

    @Option(names = "--bootstrap-servers", paramLabel = "HOSTS", required = true, description = "The cluster's "
            + "brokers, host:port[,...].")
    String servers;

    @Option(names = "--replication-factor", paramLabel = "N", defaultValue = "3", description = "Replicas per "
            + "partition (default: ${DEFAULT-VALUE}).")
    int replication;

    TopicsCommand(Context context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        TopicAdmin.createAll(servers, Topics.ALL,
                (short) Checks.within(spec, "--replication-factor", replication, 1, Short.MAX_VALUE));
        Topics.ALL.forEach(topic -> context.out().printf("%-26s %3d partitions%n", topic.name(), topic.partitions()));
        return 0;
    }
}
