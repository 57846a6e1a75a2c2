package com.example.shop;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Runs a test class only where PostgreSQL answers at {@code signals.postgresql.url}, as the other
 * modules' PostgreSQL tests do: skipped (reported so) when it does not, failed when
 * {@code signals.postgresql.required} is true. Decided before Spring starts a context.
 */
final class PostgresqlAvailable implements ExecutionCondition {

    private static String user;
    private static String unreachable;

    static String url() {
        return System.getProperty("signals.postgresql.url", "jdbc:postgresql://127.0.0.1:5432/test");
    }

    /**
     * Points a context at PostgreSQL, in a schema of its own that Hibernate creates and drops:
     * two test classes whose contexts are both cached then never drop each other's tables.
     */
    static void register(DynamicPropertyRegistry properties, String schema) {
        properties.add("spring.datasource.url", PostgresqlAvailable::url);
        properties.add("spring.datasource.username", PostgresqlAvailable::user);
        properties.add("spring.jpa.hibernate.ddl-auto", () -> "create-drop");
        properties.add("spring.jpa.properties.hibernate.default_schema", () -> schema);
        properties.add("spring.jpa.properties.hibernate.hbm2ddl.create_namespaces", () -> "true");
    }

    static synchronized String user() {
        if (user == null && unreachable == null) {
            probe();
        }
        return user;
    }

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (user() != null) {
            return ConditionEvaluationResult.enabled("PostgreSQL answers at " + url() + " as " + user);
        }
        if (Boolean.getBoolean("signals.postgresql.required")) {
            throw new IllegalStateException("PostgreSQL is required (signals.postgresql.required=true) but "
                    + unreachable);
        }
        return ConditionEvaluationResult.disabled("PostgreSQL not reachable, tests skipped: " + unreachable);
    }

    private static void probe() {
        StringBuilder failures = new StringBuilder();
        String configured = System.getProperty("signals.postgresql.user");
        String[] users = configured != null ? new String[] {configured}
                : new String[] {"postgres", System.getProperty("user.name")};
        for (String candidate : users) {
            Properties info = new Properties();
            info.setProperty("user", candidate);
            info.setProperty("connectTimeout", "3");
            try (Connection ignored = DriverManager.getConnection(url(), info)) {
                user = candidate;
                return;
            } catch (SQLException e) {
                failures.append(failures.length() == 0 ? "" : "; ").append(url()).append(" as ").append(candidate)
                        .append(": ").append(e.getMessage());
            }
        }
        unreachable = failures.toString();
    }
}
