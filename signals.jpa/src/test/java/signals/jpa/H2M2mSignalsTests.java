package signals.jpa;

/** m2m_changed against an embedded H2 database: always runs. */
class H2M2mSignalsTests extends M2mSignalsContract {

    @Override
    Database openDatabase() {
        return Database.h2();
    }
}
