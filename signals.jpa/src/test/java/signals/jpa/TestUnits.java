package signals.jpa;

import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.util.HashMap;
import java.util.Map;
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
