package signals.jpa;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.util.function.Consumer;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import signals.core.ConnectOption;
import signals.core.Receiver;
import signals.core.Signal;
import signals.test.TestReceivers;

/**
 * One persistence unit ("shop" of persistence.xml unless a subclass names another; none says
 * anything about signals) on a real
 * database for a whole test class; the tables are emptied and the receivers disconnected after
 * each test.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class UnitContract {

    Database db;
    EntityManagerFactory units;
    @RegisterExtension
    final TestReceivers connections = new TestReceivers();

    abstract Database openDatabase();

    /** The persistence unit of META-INF/persistence.xml the tests run against. */
    String unitName() {
        return "shop";
    }

    @BeforeAll
    void openTheUnit() {
        db = openDatabase();
        units = TestUnits.jpa(unitName(), db, TestUnits.CREATE_DROP);
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
    void emptyTheTables() {
        if (units != null) {
            units.getSchemaManager().truncate();
        }
    }

    /** Work in a transaction that is never left open; see {@link TestUnits#runInTransaction}. */
    void runInTransaction(Consumer<EntityManager> work) {
        TestUnits.runInTransaction(units, work);
    }

    <R> R callInTransaction(Function<EntityManager, R> work) {
        return TestUnits.callInTransaction(units, work);
    }

    <T> void connect(Signal<T> signal, Receiver<? super T> receiver, ConnectOption... options) {
        connections.connect(signal, receiver, options);
    }
}
