package io.hybridllm.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import org.junit.jupiter.api.Test;

class DatabaseOutageTest {

    @Test
    void aTerminatedConnectionDeepInTheChainIsAnOutage() {
        var terminated = new SQLException("FATAL: terminating connection due to administrator command", "57P01");
        var wrapped = new IllegalStateException("Could not commit transaction",
                new RuntimeException("rollback", terminated));
        assertThat(DatabaseOutage.isOutage(wrapped)).isTrue();
    }

    @Test
    void aClosedConnectionOnlySuppressedIsAnOutage() {
        var failure = new RuntimeException("commit failed");
        failure.addSuppressed(new SQLException("This connection has been closed.", "08003"));
        assertThat(DatabaseOutage.isOutage(failure)).isTrue();
    }

    @Test
    void aPoolTimeoutIsAnOutage() {
        assertThat(DatabaseOutage.isOutage(new RuntimeException("Unable to acquire JDBC Connection",
                new SQLException("Sorry, acquisition timeout!")))).isTrue();
        assertThat(DatabaseOutage.isOutage(new SQLTransientConnectionException("refused"))).isTrue();
    }

    @Test
    void aConstraintViolationOrABugIsNot() {
        assertThat(DatabaseOutage.isOutage(new SQLException("duplicate key", "23505"))).isFalse();
        assertThat(DatabaseOutage.isOutage(new NullPointerException())).isFalse();
    }

    @Test
    void aCyclicOrLongChainEndsAndIsNotAnOutage() {
        RuntimeException first = new RuntimeException("first");
        RuntimeException second = new RuntimeException("second", first);
        first.initCause(second);
        assertThat(DatabaseOutage.isOutage(second)).isFalse();

        Throwable deep = new SQLException("gone", "08006");
        for (int i = 0; i < 1_000; i++) {
            deep = new RuntimeException("layer " + i, deep);
        }
        assertThat(DatabaseOutage.isOutage(deep)).isFalse();
    }
}
