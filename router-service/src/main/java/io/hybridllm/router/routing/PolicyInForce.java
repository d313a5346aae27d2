package io.hybridllm.router.routing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.hybridllm.contracts.ControlEvent;
import io.hybridllm.policy.LivePolicy;
import io.hybridllm.policy.Policy;
import io.hybridllm.policy.PolicyException;
import io.hybridllm.policy.PolicyLoader;
import io.quarkus.runtime.Startup;

/**
 * The policy the router decides by, validated before use. At startup: the operator's layered files; an invalid policy
 * stops the router with every problem named. While running: a changed file is validated and swapped in at once if
 * valid, else refused with its problems logged. A policy published on {@code llm.control} is applied by every replica
 * alike and then wins over local files, so that all replicas route by the same version.
 */
@Singleton
@Startup
public class PolicyInForce {

    private static final Logger LOG = Logger.getLogger(PolicyInForce.class);

    private final Optional<String> extraFile;
    /** The policy in force, published or from the files: the same holder as the workers' and the cost service's. */
    private final LivePolicy live;
    private Map<Path, Integer> contents;
    /** Contents seen changed on the last look but not yet read: an edit is read once it has stopped changing. */
    private Map<Path, Integer> settling = Map.of();

    public PolicyInForce(@ConfigProperty(name = "hybrid.policy.file") Optional<String> extraFile) {
        this.extraFile = extraFile;
        this.contents = contents(layers());
        this.live = new LivePolicy(this::layers);
        LOG.infof("routing by policy %s (mode %s) from %s", current().version(), current().ai().mode(),
                String.join(", ", live.loaded().sources()));
        warnOfKeysWithoutEffect(live.loaded());
    }

    /** Each key the policy accepted that no service follows, with what it does not do: never accepted in silence. */
    private static void warnOfKeysWithoutEffect(PolicyLoader.Loaded policy) {
        policy.warnings().forEach(warning -> LOG.warnf("policy %s: %s", policy.policy().version(), warning));
    }

    public Policy current() {
        return live.current();
    }

    public PolicyLoader.Loaded loaded() {
        return live.loaded();
    }

    /** Hears of each policy put in force from now on (re-read files, {@link #replace}, published or withdrawn). */
    public void onChange(Consumer<Policy> listener) {
        live.onChange(loaded -> listener.accept(loaded.policy()));
    }

    /** Replaces the policy at once (tests, and re-read files below). */
    public void replace(PolicyLoader.Loaded policy) {
        Policy previous = current();
        live.replace(policy);
        LOG.infof("policy %s (mode %s) replaces %s (mode %s)", policy.policy().version(), policy.policy().ai().mode(),
                previous.version(), previous.ai().mode());
        warnOfKeysWithoutEffect(policy);
    }

    /**
     * A policy published on llm.control, or its withdrawal (back to every replica's own files); it was validated before
     * it was published, and is validated again here: a refused one is logged and the policy in force stays.
     */
    public synchronized void applyPublished(ControlEvent.PolicyChange change) {
        Policy previous = current();
        if (live.apply(change)) {
            LOG.infof("policy %s (mode %s) replaces %s (mode %s)%s", current().version(), current().ai().mode(),
                    previous.version(), previous.ai().mode(),
                    change.toml() == null ? ", the published one withdrawn by " + change.changedBy() : "");
            warnOfKeysWithoutEffect(live.loaded());
        }
    }

    /**
     * Re-reads the layers once a file that appeared, changed or went away has stayed the same for two looks in a row,
     * and says what the edit did: applied, or refused with the problems (the old policy stays). Waiting one look means
     * a file caught half-written (an editor or {@code echo >} truncates before it writes) is never read. Empty when
     * nothing changed, while an edit settles, or when a published policy is in force, which wins over files until it is
     * withdrawn.
     */
    synchronized Optional<FileEdit> reloadIfChanged() {
        List<Path> layers = layers();
        Map<Path, Integer> now = contents(layers);
        List<Path> edited = edited(contents, now);
        if (edited.isEmpty()) {
            settling = Map.of();
            return Optional.empty();
        }
        if (!now.equals(settling)) {
            settling = now;
            return Optional.empty();
        }
        contents = now;
        settling = Map.of();
        if (live.published()) {
            LOG.warnf("policy files changed, but the published policy %s is in force on every replica: publish the"
                    + " change (PUT /v1/policy) to apply it", current().version());
            return Optional.empty();
        }
        PolicyLoader.Loaded before = live.loaded();
        try {
            PolicyLoader.Loaded after = PolicyLoader.load(layers);
            replace(after);
            return Optional.of(new FileEdit(edited, true, after.policy().version(), before.policy().version(),
                    PolicyLoader.changedKeys(before, after), ""));
        } catch (PolicyException e) {
            LOG.errorf("policy change refused, %s stays in force: %s", current().version(), e.getMessage());
            return Optional.of(new FileEdit(edited, false, null, before.policy().version(), List.of(), e.getMessage()));
        }
    }

    /** An edit of the policy files as this replica saw it; {@code version} is null when it was refused. */
    public record FileEdit(List<Path> files, boolean applied, String version, String previousVersion,
            List<String> changedKeys, String problems) {
    }

    /** The layered lookup, with {@code hybrid.policy.file} on top where it is set. */
    private List<Path> layers() {
        List<Path> layers = new ArrayList<>(PolicyLoader.lookup(System.getenv(), Path.of("").toAbsolutePath(),
                Path.of(System.getProperty("user.home"))));
        extraFile.map(Path::of).ifPresent(layers::add);
        return layers;
    }

    /** What the layers hold now: their contents, so that an edit is seen whatever the file system's clock. */
    private static Map<Path, Integer> contents(List<Path> layers) {
        Map<Path, Integer> contents = new LinkedHashMap<>();
        for (Path layer : layers) {
            try {
                contents.put(layer, Arrays.hashCode(Files.readAllBytes(layer)));
            } catch (IOException e) {
                contents.put(layer, -1);
            }
        }
        return contents;
    }

    private static List<Path> edited(Map<Path, Integer> before, Map<Path, Integer> now) {
        Set<Path> all = new LinkedHashSet<>(before.keySet());
        all.addAll(now.keySet());
        return all.stream().filter(path -> !Objects.equals(before.getOrDefault(path, -1), now.getOrDefault(path, -1)))
                .toList();
    }
}
