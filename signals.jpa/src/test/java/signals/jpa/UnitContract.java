package signals.jpa;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.Session;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import signals.core.ConnectOption;
import signals.core.Receiver;
import signals.core.Signal;
import signals.core.SignalConnection;

/**
 * One persistence unit ("shop" of persistence.xml, which says nothing about signals) on a real
 * database for a whole test class; the tables are emptied and the receivers disconnected after
 * each test.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class UnitContract {

    Database db;
    EntityManagerFactory units;
    final List<SignalConnection> connections = new ArrayList<>();

    abstract Database openDatabase();

    @BeforeAll
    void openTheUnit() {
        db = openDatabase();
        units = TestUnits.jpa("shop", db, TestUnits.CREATE_DROP);
    }

    @AfterAll
    void closeTheUnit() throws Exception {
        if (units != null) {
            units.close();
        }
        if (db != null) {
            db.close();
        }
    }

    @AfterEach
    void disconnectAndEmptyTheTables() {
        connections.forEach(SignalConnection::disconnect);
        connections.clear();
        if (units != null) {
            units.getSchemaManager().truncate();
        }
    }

    <T> void connect(Signal<T> signal, Receiver<? super T> receiver, ConnectOption... options) {
        connections.add(signal.connect(receiver, options));
    }

    /** Counts a table's rows as the entity manager's own transaction sees them. */
    long countInside(EntityManager em, String table) {
        return em.unwrap(Session.class).doReturningWork(connection -> {
            try (Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM " + db.qualified(table))) {
                rows.next();
                return rows.getLong(1);
            }
        });
    }
}
