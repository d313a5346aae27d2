package io.hybridllm.worker.core.pool;

import java.io.IOException;
import java.net.InetAddress;

/** This process among a pool's workers: host and process id, stable for its life; it scopes what it reports. */
public final class WorkerIdentity {

    private static final String CURRENT = find();

    public static String current() {
        return CURRENT;
    }

    private static String find() {
        String host = System.getenv("HOSTNAME");
        if (host == null || host.isBlank()) {
            try {
                host = InetAddress.getLocalHost().getHostName();
            } catch (IOException e) {
                host = "unknown-host";
            }
        }
        return host + "/" + ProcessHandle.current().pid();
    }

    private WorkerIdentity() {
    }
}
