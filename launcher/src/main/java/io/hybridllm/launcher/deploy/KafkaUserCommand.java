package io.hybridllm.launcher.deploy;

import java.util.concurrent.Callable;

import io.hybridllm.contracts.ReplyTopics;
import io.hybridllm.launcher.cli.Context;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code hybrid kafka-user TENANT}: a tenant's Kafka principal with exactly its grants. */
@Command(name = "kafka-user", description = "Print a tenant's Kafka principal with exactly its grants (it writes "
        + "requests.TENANT and feedback.TENANT, reads P TENANT.*): a Strimzi KafkaUser, or with --compose the script that makes it on "
        + "docker-compose.yml's broker.")
public final class KafkaUserCommand implements Callable<Integer> {

    private final Context context;

    @Parameters(paramLabel = "TENANT", description = "The tenant.")
    String tenant;

    @Option(names = "--compose", description = "The script for docker-compose.yml's broker instead.")
    boolean compose;

    @Option(names = "--reply-prefix", paramLabel = "P", defaultValue = ReplyTopics.DEFAULT_PREFIX, description = "The "
            + "reply topics' prefix (default: ${DEFAULT-VALUE}).")
    String prefix;

    KafkaUserCommand(Context context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        new ReplyTopics(prefix); // refuses a prefix that could name a system topic
        context.out().print(compose ? KafkaAccessManifests.composeTenant(tenant, prefix)
                : KafkaAccessManifests.tenantUser(tenant, prefix));
        return 0;
    }
}
