package signals.jpa;

/** Receivers with a transaction phase, against an embedded H2 database: always runs. */
class H2TransactionPhaseTests extends TransactionPhaseContract {

    @Override
    Database openDatabase() {
        return Database.h2();
    }
}
