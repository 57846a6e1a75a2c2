package signals.jpa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static signals.jpa.ModelSignals.CLASS_PREPARED;
import static signals.jpa.ModelSignals.M2M_CHANGED;
import static signals.jpa.ModelSignals.POST_DELETE;
import static signals.jpa.ModelSignals.POST_INIT;
import static signals.jpa.ModelSignals.POST_MIGRATE;
import static signals.jpa.ModelSignals.POST_SAVE;
import static signals.jpa.ModelSignals.PRE_DELETE;
import static signals.jpa.ModelSignals.PRE_INIT;
import static signals.jpa.ModelSignals.PRE_MIGRATE;
import static signals.jpa.ModelSignals.PRE_SAVE;

import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.SchemaValidationException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hibernate.SessionFactory;
import org.hibernate.tool.schema.Action;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import signals.core.Signal;
import signals.jpa.entities.Animal;
import signals.jpa.entities.Author;
import signals.jpa.entities.Book;
import signals.jpa.entities.Car;
import signals.jpa.entities.Dog;
import signals.jpa.entities.Document;
import signals.jpa.entities.Page;
import signals.jpa.entities.Part;
import signals.jpa.entities.Person;
import signals.jpa.entities.SportsCar;
import signals.jpa.entities.Vehicle;

/**
 * What happens when units boot, change their schema and close: class_prepared, pre_migrate and
 * post_migrate, both bootstraps, several units, and a unit closed and reopened as a redeploy does.
 */
class UnitLifecycleTests {

    private final List<AutoCloseable> resources = new ArrayList<>();
    private Database db;

    @BeforeEach
    void openTheDatabase() {
        db = keep(Database.h2());
    }

    @AfterEach
    void closeEverything() throws Exception {
        for (int i = resources.size() - 1; i >= 0; i--) {
            resources.get(i).close();
        }
    }

    private <C extends AutoCloseable> C keep(C resource) {
        resources.add(resource);
        return resource;
    }

    private static Throwable rootCause(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }

    private Recorder record(Signal<?>... signals) {
        return keep(Recorder.of(signals));
    }

    private static Map<String, Object> settings(String... keysAndValues) {
        Map<String, Object> settings = new HashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            settings.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return settings;
    }

    @Test
    void bootSendsClassPreparedForEachEntityThenMigrateAroundTheSchemaAction() {
        Recorder sent = record(CLASS_PREPARED, PRE_MIGRATE, POST_MIGRATE);
        keep(TestUnits.jpa("shop", db, TestUnits.CREATE_DROP));

        List<Class<?>> entities = List.of(Animal.class, Author.class, Book.class, Car.class, Document.class,
                Page.class, Part.class, Person.class, Vehicle.class, Dog.class, SportsCar.class);
        List<Object> prepared = new ArrayList<>();
        for (ClassPrepared payload : sent.payloads(CLASS_PREPARED)) {
            prepared.add(payload.model());
            assertEquals("shop", payload.using());
            assertEquals(payload.model().getName(), payload.entityName());
        }
        assertEquals(entities, prepared, "superclasses first, then by name");
        assertEquals(entities, sent.sent().subList(0, entities.size()).stream().map(Recorder.Sent::sender).toList());
        assertEquals(List.of("pre_migrate", "post_migrate"), sent.names().subList(entities.size(), sent.names().size()));
        PreMigrate pre = sent.payloads(PRE_MIGRATE).get(0);
        assertEquals(SchemaAction.CREATE, pre.action(), "JPA's drop-and-create is Hibernate's create");
        assertEquals("shop", pre.using());
        assertEquals(List.copyOf(entities).stream().sorted(java.util.Comparator.comparing(Class::getName)).toList(),
                pre.models().stream().sorted(java.util.Comparator.comparing(Class::getName)).toList());
        assertEquals("shop", sent.sent().get(entities.size()).sender());
        assertEquals(1, db.queryLong("SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_NAME = 'PERSON'"));
    }

    @Test
    void noSchemaActionSendsNoMigrate() {
        keep(TestUnits.jpa("archive", db, TestUnits.CREATE_DROP)).close();
        Recorder sent = record(CLASS_PREPARED, PRE_MIGRATE, POST_MIGRATE);
        keep(TestUnits.jpa("archive", db, Map.of()));

        assertEquals(List.of("class_prepared"), sent.names());
    }

    @Test
    void theSchemaManagerSendsMigrateAroundEachAction() throws Exception {
        EntityManagerFactory unit = keep(TestUnits.jpa("archive", db, Map.of()));
        Recorder sent = record(PRE_MIGRATE, POST_MIGRATE);
        unit.getSchemaManager().create(true);
        TestUnits.runInTransaction(unit, em -> em.persist(new Person(1L, "John", "Smith")));
        unit.getSchemaManager().validate();
        unit.getSchemaManager().truncate();
        assertEquals(0, db.count("Person"), "truncate emptied the table");
        unit.getSchemaManager().drop(true);
        assertEquals(0, db.queryLong("SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_NAME = 'PERSON'"),
                "drop dropped the table");

        List<String> actions = new ArrayList<>();
        for (Recorder.Sent s : sent.sent()) {
            SchemaAction action = s.payload() instanceof PreMigrate pre ? pre.action() : ((PostMigrate) s.payload()).action();
            actions.add(s.signal() + " " + action.externalName());
        }
        assertEquals(List.of("pre_migrate create-only", "post_migrate create-only", "pre_migrate validate",
                "post_migrate validate", "pre_migrate truncate", "post_migrate truncate", "pre_migrate drop",
                "post_migrate drop"), actions);
        assertEquals(List.of(Person.class), sent.payloads(POST_MIGRATE).get(0).models());
    }

    @Test
    void aFailedValidationSendsPreMigrateOnlyAndReachesTheCaller() {
        EntityManagerFactory unit = keep(TestUnits.jpa("archive", db, Map.of()));
        Recorder sent = record(PRE_MIGRATE, POST_MIGRATE);

        assertThrows(SchemaValidationException.class, () -> unit.getSchemaManager().validate(),
                "there is no table PERSON to validate");

        assertEquals(List.of("pre_migrate"), sent.names());
        assertEquals(SchemaAction.VALIDATE, sent.payloads(PRE_MIGRATE).get(0).action());
    }

    @Test
    void updateSendsMigrateAroundTheUpdateFromTheNamedFactory() {
        Recorder sent = record(PRE_MIGRATE, POST_MIGRATE);
        keep(TestUnits.hibernate(db, settings("hibernate.hbm2ddl.auto", "update",
                "hibernate.session_factory_name", "inventory", "hibernate.session_factory_name_is_jndi", "false"),
                Person.class));

        assertEquals(List.of("pre_migrate", "post_migrate"), sent.names());
        assertEquals(SchemaAction.UPDATE, sent.payloads(PRE_MIGRATE).get(0).action());
        assertEquals("inventory", sent.payloads(PRE_MIGRATE).get(0).using());
        assertEquals("inventory", sent.sent().get(0).sender());
        assertEquals(List.of(Person.class), sent.payloads(POST_MIGRATE).get(0).models());
        assertEquals(1, db.queryLong("SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_NAME = 'PERSON'"));
    }

    @Test
    void aUnitBuiltHereSendsEveryModelSignalThroughItsOwnListeners() {
        // The contract tests share one unit per class, built before their first test; this one
        // builds its own, so that every listener the unit got at boot is seen at work here.
        EntityManagerFactory unit = keep(TestUnits.jpa("shop", db, TestUnits.CREATE_DROP));
        Recorder sent = record(PRE_INIT, POST_INIT, PRE_SAVE, POST_SAVE, PRE_DELETE, POST_DELETE, M2M_CHANGED);
        Part wheel = new Part("wheel");
        Vehicle van = new Vehicle("van");
        van.getDefaultParts().add(wheel);
        Car car = new Car("Volvo", "240");
        Book book = new Book("Odyssey");
        book.addPage("Muse");
        TestUnits.runInTransaction(unit, em -> {
            em.persist(wheel);
            em.persist(van);
            em.persist(car);
            em.persist(book);
        });
        assertEquals(List.of("pre_add", "post_add"), m2mActions(sent));
        assertTrue(sent.payloads(POST_SAVE).stream().allMatch(PostSave::created));
        sent.clear();

        TestUnits.runInTransaction(unit, em -> {
            em.find(Car.class, car.getId()).setModel("740");
            em.find(Vehicle.class, van.getId()).setDefaultParts(new HashSet<>());
            em.find(Book.class, book.getId()).addPage("Sing to me of the man");
        });
        assertEquals(List.of("pre_clear", "post_clear"), m2mActions(sent), "pages are one-to-many: no m2m_changed");
        assertTrue(sent.payloads(PRE_INIT).stream().anyMatch(init -> init.model() == Car.class));
        assertTrue(sent.payloads(POST_INIT).stream().anyMatch(init -> init.instance() instanceof Car));
        assertTrue(sent.payloads(PRE_SAVE).stream().anyMatch(save -> save.instance() instanceof Car && !save.created()
                && save.updateFields().equals(Set.of("model"))), sent.sent().toString());
        assertTrue(sent.payloads(POST_SAVE).stream().anyMatch(save -> save.instance() instanceof Car && !save.created()),
                sent.sent().toString());
        sent.clear();

        TestUnits.runInTransaction(unit, em -> em.remove(em.find(Book.class, book.getId())));
        List<String> deletes = new ArrayList<>();
        for (Recorder.Sent s : sent.sent()) {
            if (s.payload() instanceof PreDelete<?> pre) {
                deletes.add("pre_delete " + pre.instance().getClass().getSimpleName() + " of " + ((Book) pre.origin()).getName());
            } else if (s.payload() instanceof PostDelete<?> post) {
                deletes.add("post_delete " + post.instance().getClass().getSimpleName() + " of " + ((Book) post.origin()).getName());
            }
        }
        assertEquals(List.of("pre_delete Page of Odyssey", "pre_delete Page of Odyssey", "pre_delete Book of Odyssey",
                "post_delete Page of Odyssey", "post_delete Page of Odyssey", "post_delete Book of Odyssey"), deletes);
        assertEquals(0, db.count("Page"));
        assertEquals(0, db.count("Book"));
    }

    private static List<String> m2mActions(Recorder sent) {
        return sent.payloads(M2M_CHANGED).stream().map(change -> change.action().djangoName()).toList();
    }

    @Test
    void anAssociationNamedBeforeItsUnitBootsIsCheckedWhenItBoots() {
        // No open unit maps Person yet, so the name waits for the first unit that does.
        String name = ModelSignals.association(Person.class, "friends");
        assertEquals("signals.jpa.entities.Person.friends", name);

        PersistenceException failure = assertThrows(PersistenceException.class,
                () -> keep(TestUnits.jpa("archive", db, TestUnits.CREATE_DROP)));

        String message = rootCause(failure).getMessage();
        assertTrue(message.contains("ModelSignals.association(Person.class, \"friends\") names no @ManyToMany"
                + " association owned by signals.jpa.entities.Person; it owns none"), message);
        keep(TestUnits.jpa("archive", db, TestUnits.CREATE_DROP));   // reported once, then forgotten
        IllegalArgumentException now = assertThrows(IllegalArgumentException.class,
                () -> ModelSignals.association(Person.class, "friends"));
        assertTrue(now.getMessage().contains("it owns none"), now.getMessage());
    }

    @Test
    void migrateActionsReadBackFromHibernatesExternalNames() {
        for (SchemaAction action : SchemaAction.values()) {
            assertEquals(action, SchemaAction.ofExternalName(action.externalName()));
            if (action != SchemaAction.TRUNCATE) {   // Hibernate has no setting for it
                assertEquals(action.name(), Action.interpretHbm2ddlSetting(action.externalName()).name());
            }
        }
        assertEquals(Set.of(SchemaAction.CREATE, SchemaAction.CREATE_ONLY, SchemaAction.CREATE_DROP),
                EnumSet.copyOf(java.util.Arrays.stream(SchemaAction.values()).filter(SchemaAction::creates).toList()));
        IllegalArgumentException failure = assertThrows(IllegalArgumentException.class,
                () -> SchemaAction.ofExternalName("drop-and-create"));
        assertTrue(failure.getMessage().contains("'drop-and-create'") && failure.getMessage().contains("create-only"),
                failure.getMessage());
        // Every name once, comma-separated, none before the first.
        String names = failure.getMessage().substring(failure.getMessage().indexOf("the names are: ") + 15);
        assertEquals(java.util.Arrays.stream(SchemaAction.values()).map(SchemaAction::externalName).toList(),
                List.of(names.split(", ")));
    }

    @Test
    void createDropSendsMigrateAgainWhenItDropsAtClose() {
        Recorder sent = record(PRE_MIGRATE, POST_MIGRATE);
        SessionFactory factory = TestUnits.hibernate(db, settings("hibernate.hbm2ddl.auto", "create-drop"), Person.class);
        factory.close();

        List<String> actions = new ArrayList<>();
        sent.payloads(PRE_MIGRATE).forEach(p -> actions.add(p.action().externalName()));
        sent.payloads(POST_MIGRATE).forEach(p -> actions.add(p.action().externalName()));
        assertEquals(List.of("create-drop", "drop", "create-drop", "drop"), actions);
        assertEquals(List.of("pre_migrate", "post_migrate", "pre_migrate", "post_migrate"), sent.names());
        assertEquals(0, db.queryLong("SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_NAME = 'PERSON'"));
    }

    @Test
    void generatingScriptsSendsNoMigrate() {
        Recorder sent = record(PRE_MIGRATE, POST_MIGRATE);
        java.io.StringWriter script = new java.io.StringWriter();
        Map<String, Object> settings = new HashMap<>(db.settings());
        settings.put("jakarta.persistence.schema-generation.scripts.action", "create");
        settings.put("jakarta.persistence.schema-generation.scripts.create-target", script);
        Persistence.generateSchema("archive", settings);

        assertTrue(script.toString().toLowerCase(java.util.Locale.ROOT).contains("create table person"), script.toString());
        assertEquals(List.of(), sent.names());
    }

    @Test
    void generatingTheSchemaInTheDatabaseSendsMigrate() {
        Recorder sent = record(CLASS_PREPARED, PRE_MIGRATE, POST_MIGRATE);
        Map<String, Object> settings = new HashMap<>(db.settings());
        settings.put("jakarta.persistence.schema-generation.database.action", "create");
        Persistence.generateSchema("archive", settings);

        assertEquals(List.of("pre_migrate", "post_migrate"), sent.names(), "no session factory, so no class_prepared");
        assertEquals(SchemaAction.CREATE_ONLY, sent.payloads(POST_MIGRATE).get(0).action());
        assertEquals(1, db.queryLong("SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_NAME = 'PERSON'"));
    }

    @Test
    void theNativeBootstrapSendsTheSameSignals() {
        Recorder sent = record(CLASS_PREPARED, PRE_SAVE, POST_SAVE);
        SessionFactory unnamed = keep(TestUnits.hibernate(db, settings("hibernate.hbm2ddl.auto", "create"), Person.class));
        unnamed.inTransaction(session -> session.persist(new Person(1L, "John", "Smith")));

        assertEquals(List.of("class_prepared", "pre_save", "post_save"), sent.names());
        assertEquals("default", sent.payloads(POST_SAVE).get(0).using(), "a factory without a name");
        unnamed.close();
        sent.clear();

        SessionFactory named = keep(TestUnits.hibernate(db, settings("hibernate.session_factory_name", "orders", "hibernate.session_factory_name_is_jndi", "false"),
                Person.class));
        named.inTransaction(session -> session.persist(new Person(2L, "Jane", "Doe")));
        assertEquals("orders", sent.payloads(POST_SAVE).get(0).using());
    }

    @Test
    void severalUnitsAreToldApartByUsing() {
        Database other = keep(Database.h2());
        EntityManagerFactory shop = keep(TestUnits.jpa("shop", db, TestUnits.CREATE_DROP));
        EntityManagerFactory archive = keep(TestUnits.jpa("archive", other, TestUnits.CREATE_DROP));
        List<String> archived = new ArrayList<>();
        keep(Model.of(Person.class).postSave((signal, sender, save) -> {
            if (save.using().equals("archive")) {
                archived.add(save.instance().getLastName());
            }
        }).connect().get(0));
        TestUnits.runInTransaction(shop, em -> em.persist(new Person(1L, "John", "Smith")));
        TestUnits.runInTransaction(archive, em -> em.persist(new Person(1L, "Jane", "Doe")));

        assertEquals(List.of("Doe"), archived);
        assertEquals(1, db.count("Person"));
        assertEquals(1, other.count("Person"));
    }

    @Test
    void closingAndReopeningAUnitLeavesNothingBehind() {
        List<Integer> receivers = receiverCounts();
        Recorder sent = record(POST_SAVE);
        for (int round = 1; round <= 3; round++) {
            sent.clear();
            EntityManagerFactory unit = TestUnits.jpa("archive", db, TestUnits.CREATE_DROP);
            long id = round;
            TestUnits.runInTransaction(unit, em -> em.persist(new Person(id, "John", "Smith")));
            unit.close();
            assertEquals(1, sent.payloads(POST_SAVE).size(), "one listener per save, round " + round);
        }
        sent.close();

        assertEquals(receivers, receiverCounts());
    }

    private static List<Integer> receiverCounts() {
        List<Integer> counts = new ArrayList<>();
        for (Signal<?> signal : new signals.jpa.internal.JpaAdapter().signals()) {
            counts.add(signal.receivers().size());
        }
        return counts;
    }
}
