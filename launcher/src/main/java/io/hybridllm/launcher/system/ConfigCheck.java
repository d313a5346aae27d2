package io.hybridllm.launcher.system;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.hybridllm.policy.PolicyException;
import io.hybridllm.policy.PolicyLoader;
import io.hybridllm.policy.WorkerProviders;

/**
 * {@code hybrid config check [FILE]}: the effective policy of this machine's layered lookup (with FILE on top, in place
 * of HYBRID_CONFIG) with a warning for each key that has no effect, or every problem in it with its file, key and
 * reason.
 */
public final class ConfigCheck {

    /** Returns the exit code: 0 when the policy is valid, 1 when it is not. */
    public static int run(List<String> files, PrintStream out, PrintStream err) {
        if (files.size() > 1) {
            throw new IllegalArgumentException("config check takes at most one FILE");
        }
        Map<String, String> env = new HashMap<>(System.getenv());
        if (!files.isEmpty()) {
            env.put(PolicyLoader.ENV, files.getFirst());
        }
        List<Path> layers = new ArrayList<>(
                PolicyLoader.lookup(env, Path.of("").toAbsolutePath(), Path.of(System.getProperty("user.home"))));
        try {
            PolicyLoader.Loaded loaded = PolicyLoader.load(layers);
            out.println("# The policy is valid. Version " + loaded.policy().version() + ", mode "
                    + loaded.policy().ai().mode() + ".");
            out.println("# Merged from, lowest first: " + String.join(", ", loaded.sources()));
            loaded.warnings().forEach(warning -> err.println("warning: " + warning));
            out.println("#");
            out.println("# What the workers will use, per provider, with their built-in defaults (a worker's own");
            out.println(
                    "# overrides, hybrid.cloud.providers.<name>.* and hybrid.local.backends.*, show in its startup log):");
            WorkerProviders.Defaults defaults = new WorkerProviders.Defaults(
                    WorkerProviders.Defaults.STANDARD.timeout(), WorkerProviders.Defaults.STANDARD.cloudSlots(),
                    WorkerProviders.Defaults.STANDARD.localSlots(), WorkerProviders.Defaults.STANDARD.cloudInstances(),
                    env.get("OLLAMA_HOST"));
            WorkerProviders.plan(loaded.policy(), Map.of(), defaults).describe().lines()
                    .forEach(line -> out.println("# " + line));
            out.println();
            out.print(loaded.toToml());
            return 0;
        } catch (PolicyException e) {
            err.println(e.getMessage());
            return 1;
        }
    }

    private ConfigCheck() {
    }
}
