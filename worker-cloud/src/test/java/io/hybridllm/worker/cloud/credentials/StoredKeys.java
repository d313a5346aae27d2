package io.hybridllm.worker.cloud.credentials;

import static io.restassured.RestAssured.given;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

import io.hybridllm.testkit.Infrastructure;
import io.hybridllm.testkit.postgres.PostgresServer;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/** The credential store's tests: a master key made for them, the admin, and the raw rows of their database. */
final class StoredKeys {

    /** The bytes 100 to 131, base64: a master key for tests, not a secret anywhere. */
    static final String MASTER_KEY = "ZGVmZ2hpamtsbW5vcHFyc3R1dnd4eXp7fH1+f4CBgoM=";
    static final String TOKEN = "test-admin-token";

    static RequestSpecification admin() {
        return given().header("Authorization", "Bearer " + TOKEN).header("X-Changed-By", "ops@example.org")
                .contentType(ContentType.JSON);
    }

    static String body(String value) {
        return "{\"value\": \"" + value + "\"}";
    }

    /** Every row of provider_credentials as PostgreSQL prints it, every column included (bytea in hex). */
    static List<String> rawRows(String database) {
        PostgresServer postgres = Infrastructure.postgres();
        try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl(database), postgres.username(),
                postgres.password());
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT p::text FROM provider_credentials p ORDER BY id")) {
            List<String> all = new ArrayList<>();
            while (rows.next()) {
                all.add(rows.getString(1));
            }
            return all;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Runs one statement on {@code database}, as another worker instance (or an operator) would. */
    static void execute(String database, String sql) {
        PostgresServer postgres = Infrastructure.postgres();
        try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl(database), postgres.username(),
                postgres.password());
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code value} in every form a column could hold it: text, hex (bytea) and base64. */
    static List<String> forms(String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        return List.of(value, HexFormat.of().formatHex(bytes), Base64.getEncoder().encodeToString(bytes));
    }

    private StoredKeys() {
    }
}
