package signals.jpa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.util.List;
import java.util.Optional;
import org.hibernate.Session;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.resource.transaction.spi.TransactionCoordinatorBuilder;
import org.junit.jupiter.api.Test;
import signals.core.spi.HostTransaction;
import signals.core.spi.TransactionHost;
import signals.jpa.internal.JpaAdapter;

/** What this module's adapter tells signals.core's discovery, which asks once per copy of signals.core. */
class JpaAdapterTests {

    @Test
    void adapterDeclaresEveryModelSignalAndNamesItsHost() {
        JpaAdapter adapter = new JpaAdapter();

        assertEquals(List.of(ModelSignals.PRE_INIT, ModelSignals.POST_INIT, ModelSignals.PRE_SAVE, ModelSignals.POST_SAVE,
                ModelSignals.PRE_DELETE, ModelSignals.POST_DELETE, ModelSignals.M2M_CHANGED, ModelSignals.CLASS_PREPARED,
                ModelSignals.PRE_MIGRATE, ModelSignals.POST_MIGRATE), adapter.signals());
        assertTrue(adapter.host().startsWith("Hibernate ORM"), adapter.host());
    }

    @Test
    void adapterAnswersForTheHibernateTransactionOfTheThread() throws Exception {
        TransactionHost host = new JpaAdapter().transactionHost();
        assertNull(host.current(), "no transaction on this thread");
        try (Database db = Database.h2();
             EntityManagerFactory unit = TestUnits.jpa("accounts", db, TestUnits.CREATE_DROP);
             EntityManager em = unit.createEntityManager()) {
            TransactionCoordinatorBuilder builder = unit.unwrap(SessionFactoryImplementor.class).getServiceRegistry()
                    .requireService(TransactionCoordinatorBuilder.class);
            assertFalse(builder.isJta());
            assertTrue(builder.getClass().getName().startsWith("signals.jpa.internal."), builder.getClass().getName());
            em.getTransaction().begin();
            HostTransaction transaction = host.current();
            assertNotNull(transaction);
            assertTrue(transaction.toString().startsWith("transaction of "), transaction.toString());
            assertSame(em.unwrap(Session.class), transaction.resource(Session.class).orElseThrow());
            assertEquals(Optional.empty(), transaction.resource(String.class));
            em.getTransaction().rollback();
            assertNull(host.current(), "the transaction ended");
        }
    }
}
