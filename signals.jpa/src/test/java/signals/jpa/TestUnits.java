package signals.jpa;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.EntityTransaction;
import jakarta.persistence.Persistence;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import org.hibernate.SessionFactory;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;

/** Opens persistence units the two ways applications do, on a test's database. */
final class TestUnits {

    /** Tables made at boot and dropped at close. */
    static final Map<String, Object> CREATE_DROP = Map.of("jakarta.persistence.schema-generation.database.action",
            "drop-and-create");

    private TestUnits() {
    }

    /**
     * Runs work in a transaction of a new entity manager, and rolls back whatever is left active,
     * also after an {@link Error} (a failed assertion, a receiver's error). Hibernate's own
     * {@code runInTransaction} rolls back only after a {@link RuntimeException}, and then leaves
     * the connection in the pool inside an open transaction whose locks hang the next test on
     * PostgreSQL.
     */
    static void runInTransaction(EntityManagerFactory unit, Consumer<EntityManager> work) {
        callInTransaction(unit, em -> {
            work.accept(em);
            return null;
        });
    }

    /** {@link #runInTransaction}, returning what the work returns. */
    static <R> R callInTransaction(EntityManagerFactory unit, Function<EntityManager, R> work) {
        try (EntityManager em = unit.createEntityManager()) {
            EntityTransaction transaction = em.getTransaction();
            transaction.begin();
            try {
                R result = work.apply(em);
                transaction.commit();
                return result;
            } finally {
                if (transaction.isActive()) {
                    transaction.rollback();
                }
            }
        }
    }

    /** A unit of META-INF/persistence.xml, through Jakarta Persistence's bootstrap. */
    static EntityManagerFactory jpa(String unit, Database db, Map<String, Object> extra) {
        Map<String, Object> settings = new HashMap<>(db.settings());
        settings.putAll(extra);
        return Persistence.createEntityManagerFactory(unit, settings);
    }

    /** A session factory through Hibernate's native bootstrap, with no persistence.xml. */
    static SessionFactory hibernate(Database db, Map<String, Object> extra, Class<?>... entities) {
        StandardServiceRegistryBuilder builder = new StandardServiceRegistryBuilder();
        db.settings().forEach(builder::applySetting);
        extra.forEach(builder::applySetting);
        StandardServiceRegistry registry = builder.build();
        try {
            MetadataSources sources = new MetadataSources(registry);
            for (Class<?> entity : entities) {
                sources.addAnnotatedClass(entity);
            }
            return sources.buildMetadata().buildSessionFactory();
        } catch (RuntimeException e) {
            StandardServiceRegistryBuilder.destroy(registry);
            throw e;
        }
    }
}
