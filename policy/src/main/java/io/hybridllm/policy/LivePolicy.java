package io.hybridllm.policy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

import io.hybridllm.contracts.ControlEvent;

/**
 * The policy in force in one process, without any framework: at first the operator's layered files; then a policy
 * published on {@code llm.control} ({@link ControlEvent.PolicyChange} with a text) replaces it, until a withdrawal (one
 * without a text) sends it back to the files. Whatever replaces it is validated first: a refused policy leaves the one
 * in force as it is, with the problems logged. Listeners hear of every change, in the order of changes.
 */
public final class LivePolicy {

    private static final Logger LOG = Logger.getLogger(LivePolicy.class.getName());

    private final Supplier<List<Path>> layers;
    private final List<Consumer<PolicyLoader.Loaded>> listeners = new CopyOnWriteArrayList<>();
    private volatile PolicyLoader.Loaded current;
    private volatile boolean published;

    /** Loads the layers at once; an invalid policy fails here, with every problem named. */
    public LivePolicy(Supplier<List<Path>> layers) {
        this.layers = layers;
        this.current = PolicyLoader.load(layers.get());
    }

    /** The layered lookup of this process (environment, directory, home), with {@code extraFile} on top when set. */
    public static List<Path> layers(Optional<String> extraFile) {
        List<Path> layers = new ArrayList<>(PolicyLoader.lookup(System.getenv(), Path.of("").toAbsolutePath(),
                Path.of(System.getProperty("user.home"))));
        extraFile.filter(file -> !file.isBlank()).map(Path::of).ifPresent(layers::add);
        return layers;
    }

    public Policy current() {
        return current.policy();
    }

    public PolicyLoader.Loaded loaded() {
        return current;
    }

    /** Whether a published policy is in force (rather than the files). */
    public boolean published() {
        return published;
    }

    /** Hears of each policy put in force from now on. */
    public void onChange(Consumer<PolicyLoader.Loaded> listener) {
        listeners.add(listener);
    }

    /**
     * Applies a published policy, or its withdrawal (back to the files); true when the policy in force changed. A
     * publication of the version already in force changes nothing.
     */
    public synchronized boolean apply(ControlEvent.PolicyChange change) {
        String by = "by " + change.changedBy();
        if (change.toml() == null) {
            if (!published) {
                return false;
            }
            boolean replaced = replace(() -> PolicyLoader.load(layers.get()), "the files, after a withdrawal " + by);
            published = !replaced;
            return replaced;
        }
        if (published && change.version().equals(current.policy().version())) {
            return false;
        }
        String source = "published " + change.version() + " " + by;
        boolean replaced = replace(() -> PolicyLoader.fromText(change.toml(), source), source);
        published |= replaced;
        return replaced;
    }

    /** Puts {@code next} in force at once (a policy already validated, e.g. re-read files). */
    public synchronized void replace(PolicyLoader.Loaded next) {
        current = next;
        listeners.forEach(listener -> listener.accept(next));
    }

    private boolean replace(Supplier<PolicyLoader.Loaded> source, String what) {
        PolicyLoader.Loaded next;
        try {
            next = source.get();
        } catch (PolicyException e) {
            LOG.log(Level.SEVERE, "policy from {0} refused, {1} stays in force: {2}",
                    new Object[] { what, current.policy().version(), e.getMessage() });
            return false;
        }
        LOG.log(Level.INFO, "policy {0} from {1} replaces {2}",
                new Object[] { next.policy().version(), what, current.policy().version() });
        replace(next);
        return true;
    }
}
