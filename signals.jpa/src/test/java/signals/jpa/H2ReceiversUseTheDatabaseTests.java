package signals.jpa;

/** Receivers that use the database, against an embedded H2 database: always runs. */
class H2ReceiversUseTheDatabaseTests extends ReceiversUseTheDatabaseContract {

    @Override
    Database openDatabase() {
        return Database.h2();
    }
}
