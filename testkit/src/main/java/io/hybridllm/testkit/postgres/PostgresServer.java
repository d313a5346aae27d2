package io.hybridllm.testkit.postgres;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Pattern;

/** A running PostgreSQL server; each service gets a database of its own on it. */
public interface PostgresServer extends AutoCloseable {

    Pattern DATABASE_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    String jdbcUrl(String database);

    String username();

    String password();

    /** Creates the database unless it exists. */
    default void createDatabase(String database) {
        if (!DATABASE_NAME.matcher(database).matches()) {
            throw new IllegalArgumentException("database name '" + database + "' must match " + DATABASE_NAME);
        }
        try (Connection connection = DriverManager.getConnection(jdbcUrl("postgres"), username(), password());
                PreparedStatement exists = connection.prepareStatement("select 1 from pg_database where datname = ?")) {
            exists.setString(1, database);
            try (ResultSet found = exists.executeQuery()) {
                if (found.next()) {
                    return;
                }
            }
            try (Statement create = connection.createStatement()) {
                create.execute("create database " + database);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + database + ": " + e.getMessage(), e);
        }
    }

    /**
     * How the server writes commits, as it reports them: {@code fsync=on, synchronous_commit=off}. Benchmarks print it
     * beside their figures, since an unsynced commit costs far less than one that waits for the disk.
     */
    default String durability() {
        try (Connection connection = DriverManager.getConnection(jdbcUrl("postgres"), username(), password());
                Statement show = connection.createStatement()) {
            StringBuilder settings = new StringBuilder();
            for (String setting : new String[] { "fsync", "synchronous_commit" }) {
                try (ResultSet value = show.executeQuery("show " + setting)) {
                    value.next();
                    settings.append(settings.isEmpty() ? "" : ", ").append(setting).append('=')
                            .append(value.getString(1));
                }
            }
            return settings.toString();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the server's durability settings: " + e.getMessage(), e);
        }
    }

    @Override
    void close();
}
