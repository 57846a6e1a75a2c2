package com.example.shop;

import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Receivers with a transaction phase under Spring's transactions, on PostgreSQL
 * ({@code signals.postgresql.url}); skipped when no server answers, failed then if
 * {@code signals.postgresql.required} is true.
 */
@ExtendWith(PostgresqlAvailable.class)
class PostgresqlTransactionPhaseTests extends TransactionPhaseContract {

    @DynamicPropertySource
    static void postgresql(DynamicPropertyRegistry properties) {
        PostgresqlAvailable.register(properties, "signals_shop_phases");
    }
}
