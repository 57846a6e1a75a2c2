package signals.jpa;

/** The model signals against an embedded H2 database: always runs. */
class H2ModelSignalsTests extends ModelSignalsContract {

    @Override
    Database openDatabase() {
        return Database.h2();
    }
}
