package com.example.shop;

import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The shop on PostgreSQL ({@code signals.postgresql.url}), in a schema of its own that Hibernate
 * creates and drops; skipped when no server answers, failed then if
 * {@code signals.postgresql.required} is true.
 */
@ExtendWith(PostgresqlAvailable.class)
class PostgresqlShopTests extends ShopContract {

    @DynamicPropertySource
    static void postgresql(DynamicPropertyRegistry properties) {
        PostgresqlAvailable.register(properties, "signals_shop");
    }
}
