package io.hybridllm.runtime;

import java.util.List;

/**
 * Something a service needs before it can do all its work, but must not die for when it is away at startup (a database
 * and its migrations). {@link DependencyStartup} prepares each one, retrying with backoff until it succeeds, and
 * reports what it waits for on readiness. Implement it as a bean.
 */
public interface StartupDependency {

    /** What readiness calls it, e.g. {@code database}. */
    String name();

    /** What the service waits for while it is away, e.g. {@code migrations}. */
    String awaiting();

    /** Whether this service uses the dependency at all (an optional store may be switched off). */
    default boolean active() {
        return true;
    }

    /** Reaches the dependency and prepares it; throws while it cannot, and is called again until it returns. */
    void prepare() throws Exception;

    /**
     * Incoming channels that must not read a record before {@link #prepare()} returned (a consumer that writes to the
     * schema). Each is configured {@code pausable=true} and {@code pausable.initially-paused=true}; it is resumed then.
     */
    default List<String> channelsHeldUntilPrepared() {
        return List.of();
    }
}
