package io.hybridllm.testkit;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Closes the shared infrastructure when the JUnit session ends, which is after Quarkus has stopped the application
 * under test, so that no service loses its broker or database while still shutting down.
 */
public class InfrastructureSessionListener implements LauncherSessionListener {

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        Infrastructure.closeAll();
    }
}
