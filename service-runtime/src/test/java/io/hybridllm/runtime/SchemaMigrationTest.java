package io.hybridllm.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.junit.jupiter.api.Test;

import io.hybridllm.testkit.postgres.EmbeddedPostgresServer;
import io.quarkus.scheduler.Scheduler;

/**
 * A service's scheduled jobs all work on its schema: none may run while it is migrated (one did, at every fresh start
 * of ingest, and failed on a table not created yet), and they run once it is.
 */
class SchemaMigrationTest {

    /** Whether the scheduler ran its jobs, each time Flyway asked for a connection. */
    private final List<Boolean> jobsRunningWhileMigrating = new CopyOnWriteArrayList<>();
    private final Jobs jobs = new Jobs();

    @Test
    void noJobRunsWhileTheSchemaIsMigratedAndEveryJobRunsOnceItIs() {
        try (EmbeddedPostgresServer postgres = EmbeddedPostgresServer.start()) {
            postgres.createDatabase("schema_migration");
            DataSource database = dataSource(() -> DriverManager.getConnection(postgres.jdbcUrl("schema_migration"),
                    postgres.username(), postgres.password()));

            schema(database).prepare();

            assertThat(jobsRunningWhileMigrating).isNotEmpty().containsOnly(false);
            assertThat(jobs.running).isTrue();
        }
    }

    @Test
    void aDatabaseThatCannotBeReachedKeepsTheJobsPausedUntilItIsMigrated() {
        DataSource unreachable = dataSource(() -> {
            throw new SQLException("Connection to localhost:1 refused", "08001");
        });

        assertThatThrownBy(() -> schema(unreachable).prepare()).isInstanceOf(FlywayException.class);

        assertThat(jobsRunningWhileMigrating).isNotEmpty().containsOnly(false);
        assertThat(jobs.running).isFalse();
    }

    private SchemaMigration schema(DataSource database) {
        Flyway flyway = Flyway.configure().dataSource(database).locations("classpath:schema-migration-test")
                .connectRetries(0).load();
        return new SchemaMigration(flyway, jobs.scheduler()) {
        };
    }

    private interface Connect {
        Connection connect() throws SQLException;
    }

    /** A data source that notes whether jobs were running each time a connection is asked for. */
    private DataSource dataSource(Connect connect) {
        return (DataSource) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] { DataSource.class },
                (proxy, method, args) -> switch (method.getName()) {
                    case "getConnection" -> {
                        jobsRunningWhileMigrating.add(jobs.running);
                        yield connect.connect();
                    }
                    case "getLoginTimeout" -> 0;
                    case "isWrapperFor" -> false;
                    default -> null;
                });
    }

    /** The scheduler as far as a migration uses it: paused and resumed as a whole. */
    private static final class Jobs {

        volatile boolean running = true;

        Scheduler scheduler() {
            return (Scheduler) Proxy.newProxyInstance(Scheduler.class.getClassLoader(),
                    new Class<?>[] { Scheduler.class }, (proxy, method, args) -> {
                        if (args != null && args.length > 0) {
                            throw new UnsupportedOperationException("Scheduler." + method.getName() + " of one job");
                        }
                        return switch (method.getName()) {
                            case "pause" -> {
                                running = false;
                                yield null;
                            }
                            case "resume" -> {
                                running = true;
                                yield null;
                            }
                            case "isRunning" -> running;
                            default -> throw new UnsupportedOperationException("Scheduler." + method.getName());
                        };
                    });
        }
    }
}
