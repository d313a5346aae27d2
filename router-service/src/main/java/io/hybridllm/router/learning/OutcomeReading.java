package io.hybridllm.router.learning;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.interceptor.Interceptor;

import org.eclipse.microprofile.health.Readiness;
import org.jboss.logging.Logger;

import io.hybridllm.contracts.Channels;
import io.hybridllm.contracts.Topics;
import io.hybridllm.policy.Policy;
import io.hybridllm.router.routing.PolicyInForce;
import io.hybridllm.runtime.DependencyStartup;
import io.hybridllm.runtime.StartupDependency;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.reactive.messaging.ChannelRegistry;
import io.smallrye.reactive.messaging.PausableChannel;

/**
 * Reads {@link Topics#OUTCOMES} only while the policy in force learns ({@code [scoring] method} learned or blend; one
 * policy for every tenant): with the fixed formula nothing read would be used, and each outcome costs a parse. The
 * channel starts paused; paused, its consumer keeps its place in the topic, so a policy that learns reads what was
 * written meanwhile (as far as the topic's retention and the memory's bounds keep it). It is resumed only once the
 * service's startup dependencies are prepared, as {@link DependencyStartup} resumes the channels it holds.
 */
@ApplicationScoped
public class OutcomeReading {

    private static final Logger LOG = Logger.getLogger(OutcomeReading.class);
    private static final long RECHECK_SECONDS = 1;

    private final PolicyInForce policies;
    private final DependencyStartup startup;
    private final Instance<StartupDependency> dependencies;
    private final ChannelRegistry channels;
    private final ScheduledExecutorService recheck = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "outcome-reading");
        thread.setDaemon(true);
        return thread;
    });
    private PausableChannel channel;
    private boolean recheckPending;

    public OutcomeReading(PolicyInForce policies, @Readiness DependencyStartup startup,
            Instance<StartupDependency> dependencies, ChannelRegistry channels) {
        this.policies = policies;
        this.startup = startup;
        this.dependencies = dependencies;
        this.channels = channels;
    }

    // After DependencyStartup's: it has checked the channels it holds and tried each dependency once.
    synchronized void onStart(@Observes @Priority(Interceptor.Priority.APPLICATION + 1001) StartupEvent started) {
        List<String> holding = dependencies.stream().filter(StartupDependency::active)
                .filter(dependency -> dependency.channelsHeldUntilPrepared().contains(Channels.OUTCOMES))
                .map(StartupDependency::name).toList();
        if (!holding.isEmpty()) {
            throw new IllegalStateException(holding + ": must not hold channel " + Channels.OUTCOMES
                    + ", which the policy's [scoring] method pauses and resumes (it waits for every dependency)");
        }
        channel = channels.getPausable(Channels.OUTCOMES);
        if (channel == null || !channel.isPaused()) {
            throw new IllegalStateException("mp.messaging.incoming." + Channels.OUTCOMES
                    + ": must be pausable=true and pausable.initially-paused=true (application.properties), so that it"
                    + " reads nothing unless the policy learns");
        }
        policies.onChange(changed -> follow());
        follow();
    }

    @PreDestroy
    void stop() {
        recheck.shutdownNow();
    }

    /**
     * Pauses or resumes the channel as the policy in force says; while a dependency is not prepared, looks again later.
     * The policy is read under the lock, so that the last call always follows the newest policy.
     */
    private synchronized void follow() {
        Policy policy = policies.current();
        if (!policy.scoring().learns()) {
            if (!channel.isPaused()) {
                channel.pause();
                LOG.infof("policy %s scores by the fixed formula: %s paused, what is written meanwhile is read once a"
                        + " policy that learns is in force", policy.version(), Topics.OUTCOMES);
            }
        } else if (!startup.prepared()) {
            if (!recheckPending) {
                recheckPending = true;
                recheck.schedule(this::recheck, RECHECK_SECONDS, TimeUnit.SECONDS);
            }
        } else if (channel.isPaused()) {
            channel.resume();
            LOG.infof("policy %s learns (method %s): reading %s", policy.version(),
                    policy.scoring().method().name().toLowerCase(Locale.ROOT), Topics.OUTCOMES);
        }
    }

    private synchronized void recheck() {
        recheckPending = false;
        follow();
    }
}
