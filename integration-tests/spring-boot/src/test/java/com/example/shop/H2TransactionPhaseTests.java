package com.example.shop;

/** Receivers with a transaction phase under Spring's transactions, on Boot's embedded H2. */
class H2TransactionPhaseTests extends TransactionPhaseContract {
}
