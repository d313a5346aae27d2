/**
 * How every service lives as a process, the same way in each: it stops when the process that started it is gone
 * ({@link io.hybridllm.runtime.ParentProcessWatch}), and it starts without its dependencies, reporting what it waits
 * for, and catches up when they come. A library, not a service: every service depends on it, it depends on no service.
 * Blocking work runs on its own daemon threads, never on an event loop.
 */
package io.hybridllm.runtime;
