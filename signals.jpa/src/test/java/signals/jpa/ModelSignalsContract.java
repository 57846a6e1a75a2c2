package signals.jpa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static signals.core.ConnectOption.sender;
import static signals.jpa.ModelSignals.POST_DELETE;
import static signals.jpa.ModelSignals.POST_INIT;
import static signals.jpa.ModelSignals.POST_SAVE;
import static signals.jpa.ModelSignals.PRE_DELETE;
import static signals.jpa.ModelSignals.PRE_INIT;
import static signals.jpa.ModelSignals.PRE_SAVE;

import jakarta.persistence.EntityManager;
import jakarta.persistence.RollbackException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.hibernate.Hibernate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import signals.core.Receiver;
import signals.core.ReceiverException;
import signals.core.Signal;
import signals.core.spi.SendObserver;
import signals.jpa.entities.Animal;
import signals.jpa.entities.Author;
import signals.jpa.entities.Book;
import signals.jpa.entities.Car;
import signals.jpa.entities.Dog;
import signals.jpa.entities.Document;
import signals.jpa.entities.Page;
import signals.jpa.entities.Person;

/**
 * Django's tests/signals/tests.py, one behaviour per method, plus what JPA adds (dirty checks,
 * flushes, proxies, transactions), run against each real database by the subclasses through a
 * persistence.xml unit that says nothing about signals.
 */
abstract class ModelSignalsContract extends UnitContract {

    private Recorder recorder;

    @AfterEach
    void closeTheRecorder() {
        if (recorder != null) {
            recorder.close();
        }
    }

    Recorder record(Signal<?>... signals) {
        recorder = Recorder.of(signals);
        return recorder;
    }

    /** The Odyssey with these pages, persisted: cascades and orphans to delete. */
    Book persistOdyssey(String... pages) {
        Book book = new Book("Odyssey");
        for (String page : pages) {
            book.addPage(page);
        }
        persist(book);
        return book;
    }

    /** A reference to a persisted person that this entity manager has not loaded. */
    static Person unloaded(EntityManager em, long id) {
        Person reference = em.getReference(Person.class, id);
        assertFalse(Hibernate.isInitialized(reference), "an uninitialized proxy, as the test intends");
        return reference;
    }

    void persist(Object... entities) {
        runInTransaction(em -> {
            for (Object entity : entities) {
                em.persist(entity);
            }
        });
    }

    // ------------------------------------------------------------------ save (test_save_signals)

    @Test
    void createSendsPreSaveThenPostSaveWithCreated() {
        // test_save_signals: create() sends pre_save(raw=False), then post_save(created=True)
        Recorder sent = record(PRE_SAVE, POST_SAVE);
        Person person = new Person(1L, "John", "Smith");
        persist(person);

        assertEquals(List.of("pre_save", "post_save"), sent.names());
        PreSave<?> pre = sent.payloads(PRE_SAVE).get(0);
        PostSave<?> post = sent.payloads(POST_SAVE).get(0);
        assertSame(person, pre.instance());
        assertSame(person, post.instance());
        assertEquals(Person.class, sent.sent().get(0).sender());
        assertEquals(Person.class, sent.sent().get(1).sender());
        assertTrue(pre.created());
        assertTrue(post.created());
        assertFalse(pre.raw());
        assertFalse(post.raw());
        assertNull(post.updateFields());
        assertEquals("shop", post.using());
    }

    @Test
    void changingAFieldSendsSavesWithCreatedFalseAndTheChangedField() {
        // test_save_signals: p1.first_name = "Tom"; p1.save() sends created=False
        persist(new Person(1L, "John", "Smith"));
        Recorder sent = record(PRE_SAVE, POST_SAVE);
        runInTransaction(em -> em.find(Person.class, 1L).setFirstName("Tom"));

        assertEquals(List.of("pre_save", "post_save"), sent.names());
        assertFalse(sent.payloads(PRE_SAVE).get(0).created());
        assertFalse(sent.payloads(POST_SAVE).get(0).created());
        assertEquals(Set.of("firstName"), sent.payloads(PRE_SAVE).get(0).updateFields());
        assertEquals(Set.of("firstName"), sent.payloads(POST_SAVE).get(0).updateFields());
        assertEquals("Tom", db.queryString("SELECT firstName FROM " + db.qualified("Person")));
    }

    @Test
    void updateFieldsNameOnlyWhatReallyChanged() {
        // update_only_fields test_update_fields_signals: update_fields has exactly the saved field
        persist(new Person(1L, "John", "Smith"));
        Recorder sent = record(POST_SAVE);
        runInTransaction(em -> {
            Person person = em.find(Person.class, 1L);
            person.setFirstName("John");     // the same value: not a change
            person.setLastName("Jones");
        });

        assertEquals(Set.of("lastName"), sent.payloads(POST_SAVE).get(0).updateFields());
    }

    @Test
    void savesInsideRawSavesAreRaw() {
        // test_save_signals: save_base(raw=True) sends raw=True to both
        Recorder sent = record(PRE_SAVE, POST_SAVE);
        try (RawSaves raw = ModelSignals.rawSaves()) {
            assertTrue(RawSaves.active());
            persist(new Person(1L, "James", "Jones"));
        }
        assertFalse(RawSaves.active());

        assertTrue(sent.payloads(PRE_SAVE).get(0).raw());
        assertTrue(sent.payloads(POST_SAVE).get(0).raw());
    }

    @Test
    void rawSavesRunReachesNoOtherThreadAndReturnsWhatItsWorkReturns() throws Exception {
        Recorder sent = record(PRE_SAVE);
        Thread[] other = new Thread[1];
        String done = RawSaves.get(() -> {
            persist(new Person(1L, "James", "Jones"));
            other[0] = new Thread(() -> persist(new Person(2L, "Jane", "Doe")));
            other[0].start();
            return "loaded";
        });
        other[0].join();
        RawSaves.run(() -> persist(new Person(3L, "Jim", "Roe")));

        assertEquals("loaded", done);
        assertFalse(RawSaves.active());
        List<String> raw = sent.payloads(PRE_SAVE).stream()
                .map(save -> ((Person) save.instance()).getFirstName() + " " + save.raw()).sorted().toList();
        assertEquals(List.of("James true", "Jane false", "Jim true"), raw);
    }

    @Test
    void anExplicitIdNotInTheDatabaseIsCreated() {
        // test_save_signals: Person(pk=99999) reports created=True
        Recorder sent = record(POST_SAVE);
        persist(new Person(99999L, "James", "Jones"));

        assertTrue(sent.payloads(POST_SAVE).get(0).created());
    }

    @Test
    void aChangedIdIsANewRowAndTheOldRowStays() {
        // test_save_signals: p2.pk = 99998; p2.save() reports created=True; test_delete_signals:
        // after deleting 99998, only the 99999 row is left
        persist(new Person(99999L, "James", "Jones"));
        Recorder sent = record(POST_SAVE, POST_DELETE);
        Person copy = new Person(99998L, "James", "Jones");
        persist(copy);
        runInTransaction(em -> em.remove(em.find(Person.class, 99998L)));

        assertTrue(sent.payloads(POST_SAVE).get(0).created());
        assertEquals(1, sent.payloads(POST_DELETE).size());
        assertEquals(1, db.count("Person"));
        assertEquals(99999L, db.queryLong("SELECT id FROM " + db.qualified("Person")));
    }

    @Test
    void aProxyLoadedLazilyIsSentAsItsEntityClass() {
        // test_save_signals: a deferred instance keeps sender=Person
        persist(new Person(1L, "John", "Smith"));
        Recorder sent = record(PRE_SAVE, POST_SAVE);
        runInTransaction(em -> {
            Person reference = unloaded(em, 1L);
            assertTrue(reference.getClass() != Person.class, "a Hibernate proxy");
            reference.setLastName("Jones");
        });

        assertEquals(List.of(Person.class, Person.class), sent.sent().stream().map(Recorder.Sent::sender).toList());
        assertFalse(sent.payloads(POST_SAVE).get(0).created());
        assertEquals(Person.class, sent.payloads(POST_SAVE).get(0).instance().getClass());
    }

    @Test
    void flushingTwiceWithoutChangesSavesOnce() {
        Recorder sent = record(PRE_SAVE, POST_SAVE);
        runInTransaction(em -> {
            em.persist(new Person(1L, "John", "Smith"));
            em.flush();
            em.flush();
        });

        assertEquals(List.of("pre_save", "post_save"), sent.names());
    }

    @Test
    void aFlushWithNothingDirtySendsNothing() {
        persist(new Person(1L, "John", "Smith"));
        Recorder sent = record(PRE_SAVE, POST_SAVE);
        runInTransaction(em -> {
            em.find(Person.class, 1L).setFirstName("John");
            em.flush();
        });

        assertEquals(List.of(), sent.names());
    }

    @Test
    void whatPreSaveChangesOnInsertIsWrittenByTheInsert() {
        connect(PRE_SAVE, (signal, sender, save) -> ((Document) save.instance()).setSlug("slug-of-insert"),
                sender(Document.class));
        Recorder sent = record(POST_SAVE);
        persist(new Document("Hello"));

        assertEquals("slug-of-insert", db.queryString("SELECT slug FROM " + db.qualified("Document")));
        assertEquals(List.of("post_save"), sent.names(), "no second save for the receiver's change");
        assertEquals(0, db.queryLong("SELECT version FROM " + db.qualified("Document")));
    }

    @Test
    void whatPreSaveChangesOnUpdateIsWrittenByTheUpdate() {
        Document document = new Document("Hello");
        persist(document);
        connect(PRE_SAVE, (signal, sender, save) -> {
            Document saved = (Document) save.instance();
            saved.setSlug(saved.getTitle().toLowerCase(java.util.Locale.ROOT));
        }, sender(Document.class));
        Recorder sent = record(POST_SAVE);
        runInTransaction(em -> em.find(Document.class, document.getId()).setTitle("World"));

        assertEquals("world", db.queryString("SELECT slug FROM " + db.qualified("Document")));
        assertEquals(1, db.queryLong("SELECT version FROM " + db.qualified("Document")), "one UPDATE");
        assertEquals(Set.of("title", "slug"), sent.payloads(POST_SAVE).get(0).updateFields());
    }

    @Test
    void postSaveRunsAfterTheRowsSqlInsideTheTransaction() {
        List<Long> seenInside = new ArrayList<>();
        List<Long> seenOutside = new ArrayList<>();
        runInTransaction(em -> {
            connect(POST_SAVE, (signal, sender, save) -> {
                seenInside.add(db.countInside(em, "Person"));
                seenOutside.add(db.count("Person"));
            }, sender(Person.class));
            em.persist(new Person(1L, "John", "Smith"));
        });

        assertEquals(List.of(1L), seenInside, "the row is written when post_save runs");
        assertEquals(List.of(0L), seenOutside, "and not committed yet");
        assertEquals(1, db.count("Person"));
    }

    @Test
    void aReceiverMayFindOtherEntitiesThroughTheEntityManagerDuringTheFlush() {
        Car car = new Car("VW", "Golf");
        persist(car);
        List<String> seen = new ArrayList<>();
        runInTransaction(em -> {
            connect(PRE_SAVE, (signal, sender, save) -> seen.add(em.find(Car.class, car.getId()).getModel()),
                    sender(Person.class));
            em.persist(new Person(1L, "John", "Smith"));
            em.flush();
        });

        assertEquals(List.of("Golf"), seen);
        assertEquals(1, db.count("Person"));
    }

    @Test
    void aSendObserverAloneHearsEveryModelSignalThatNoReceiverListensTo() {
        // A test's recorder is a SendObserver, not a receiver: the adapter must send for it too.
        List<String> heard = new CopyOnWriteArrayList<>();
        Set<Signal<?>> watched = Set.of(PRE_SAVE, POST_SAVE, PRE_DELETE, POST_DELETE, PRE_INIT, POST_INIT);
        Person person = new Person(1L, "John", "Smith");
        try (SendObserver.Installation observer = SendObserver.install((signal, sender, payload) -> {
            if (watched.contains(signal) && sender == Person.class) {
                heard.add(signal.name());
            }
            return true;
        })) {
            persist(person);
            runInTransaction(em -> em.remove(em.find(Person.class, 1L)));
        }

        assertEquals(List.of("pre_save", "post_save", "pre_init", "post_init", "pre_delete", "post_delete"), heard);
    }

    @Test
    void aReceiverThatThrowsRollsTheTransactionBack() {
        IllegalStateException refusal = new IllegalStateException("no Smiths");
        connect(POST_SAVE, (signal, sender, save) -> {
            throw refusal;
        }, sender(Person.class));

        RollbackException failure = assertThrows(RollbackException.class,
                () -> persist(new Person(1L, "John", "Smith"), new Person(2L, "Jane", "Doe")));

        assertSame(refusal, rootCause(failure));
        assertEquals(0, db.count("Person"));
    }

    @Test
    void aReceiversErrorLeavesNoTransactionOpenToHangTheNextTest() {
        // Hibernate's own runInTransaction rolls back only after a RuntimeException: after an
        // Error its connection went back to the pool inside the transaction, and the truncate
        // after each test waited on its lock forever on PostgreSQL.
        AssertionError refusal = new AssertionError("a failed assertion in a receiver");
        connect(POST_SAVE, (signal, sender, save) -> {
            throw refusal;
        }, sender(Person.class));

        AssertionError failure = assertThrows(AssertionError.class, () -> persist(new Person(1L, "John", "Smith")));

        assertSame(refusal, failure);
        units.getSchemaManager().truncate();
        assertEquals(0, db.count("Person"));
    }

    @Test
    void aCheckedExceptionReachesTheCallerAsTheCauseOfAReceiverException() {
        Exception refusal = new java.io.IOException("disk full");
        connect(PRE_SAVE, (signal, sender, save) -> {
            throw refusal;
        }, sender(Person.class));

        RuntimeException failure = assertThrows(RuntimeException.class, () -> persist(new Person(1L, "John", "Smith")));

        ReceiverException wrapped = findCause(failure, ReceiverException.class);
        assertSame(refusal, wrapped.getCause());
        assertEquals(0, db.count("Person"));
    }

    @Test
    void aReceiverForOneModelGetsThatTypeAndNoOther() {
        List<String> names = new ArrayList<>();
        Receiver<PostSave<Person>> greet = (signal, sender, save) -> names.add(save.instance().getFirstName());
        connections.addAll(Model.of(Person.class).postSave(greet).connect());
        persist(new Person(1L, "John", "Smith"), new Car("VW", "Golf"));

        assertEquals(List.of("John"), names);
    }

    @Test
    void aSubclassIsItsOwnSenderEvenThroughItsSuperclass() {
        Recorder sent = record(POST_SAVE);
        List<String> animals = new ArrayList<>();
        List<String> exactAnimals = new ArrayList<>();
        connections.addAll(Model.orSubclassOf(Animal.class).postSave((s, sender, save) -> animals.add(save.instance().getName())).connect());
        connections.addAll(Model.of(Animal.class).postSave((s, sender, save) -> exactAnimals.add(save.instance().getName())).connect());
        Dog rex = new Dog("Rex", "Collie");
        persist(rex, new Animal("Generic"));
        runInTransaction(em -> em.getReference(Animal.class, rex.getId()).setName("Rex II"));

        assertEquals(List.of(Dog.class, Animal.class, Dog.class), sent.sent().stream().map(Recorder.Sent::sender).toList());
        assertEquals(List.of("Rex", "Generic", "Rex II"), animals);
        assertEquals(List.of("Generic"), exactAnimals);
    }

    @Test
    void oneAuditReceiverHearsSeveralSignalsThroughTheirSharedInterface() {
        List<String> audit = new ArrayList<>();
        Receiver<InstancePayload<?>> log = (signal, sender, payload) ->
                audit.add(signal.name() + " " + payload.instance() + " " + payload.using());
        connect(PRE_SAVE, log);
        connect(POST_SAVE, log);
        connect(POST_DELETE, log);
        Receiver<UnitPayload> units = (signal, sender, payload) -> audit.add(signal.name() + " " + payload.using());
        connect(PRE_DELETE, units);
        persist(new Person(1L, "John", "Smith"));
        runInTransaction(em -> em.remove(em.find(Person.class, 1L)));

        assertEquals(List.of("pre_save John Smith shop", "post_save John Smith shop", "pre_delete shop",
                "post_delete John Smith shop"), audit);
    }

    @Test
    void modelAnyHearsEveryEntity() {
        List<Object> saved = new ArrayList<>();
        connections.addAll(Model.any().postSave((signal, sender, save) -> saved.add(sender)).connect());
        persist(new Person(1L, "John", "Smith"), new Car("Ford", "Fiesta"));

        assertEquals(List.of(Person.class, Car.class), saved);
        assertEquals("Model[any]", Model.any().toString());
        assertEquals(Object.class, Model.any().type());
    }

    @Test
    void aReceiverForEverySenderAndOneForCarAreEachCalledOnce() {
        // test_decorators
        List<Object> data = new ArrayList<>();
        connect(PRE_SAVE, (signal, sender, save) -> data.add(save.instance()));
        connect(PRE_SAVE, (signal, sender, save) -> data.add(save.instance()), sender(Car.class));
        Car car = new Car("Ford", "Fiesta");
        persist(car);

        assertEquals(List.of(car, car), data);
    }

    @Test
    void manyToManyChangesSendNoSaveOrDeleteForTheJoinTable() {
        // test_save_and_delete_signals_with_m2m
        Recorder sent = record(PRE_SAVE, POST_SAVE, PRE_DELETE, POST_DELETE);
        Author author = new Author("Homer");
        Book book = new Book("Odyssey");
        persist(author, book);
        assertEquals(List.of("pre_save", "post_save", "pre_save", "post_save"), sent.names());
        assertTrue(sent.payloads(POST_SAVE).stream().allMatch(PostSave::created));
        sent.clear();

        runInTransaction(em -> em.find(Book.class, book.getId()).getAuthors().add(em.find(Author.class, author.getId())));
        runInTransaction(em -> em.find(Book.class, book.getId()).getAuthors().clear());

        assertEquals(List.of(), sent.names());
    }

    @Test
    void receiversThatDisconnectThemselvesDuringDispatchAreBothCalled() {
        // test_disconnect_in_dispatch
        List<String> called = new ArrayList<>();
        class SelfDisconnecting implements Receiver<PostSave<?>> {
            private final String name;

            SelfDisconnecting(String name) {
                this.name = name;
            }

            @Override
            public void receive(Signal<?> signal, Object sender, PostSave<?> save) {
                called.add(name);
                POST_SAVE.disconnect(this, sender(Person.class));
            }
        }
        int before = POST_SAVE.receivers().size();
        POST_SAVE.connect(new SelfDisconnecting("a"), sender(Person.class));
        POST_SAVE.connect(new SelfDisconnecting("b"), sender(Person.class));
        persist(new Person(1L, "John", "Smith"));

        assertEquals(List.of("a", "b"), called);
        assertEquals(before, POST_SAVE.receivers().size());
    }

    @Test
    void disconnectingAModelReceiverStopsItAndSaysSoOnce() {
        // test_disconnect_model
        AtomicInteger calls = new AtomicInteger();
        Receiver<PostSave<Person>> receiver = (signal, sender, save) -> calls.incrementAndGet();
        Model.of(Person.class).postSave(receiver).connect();

        assertTrue(POST_SAVE.disconnect(receiver, sender(Person.class)), "the binding holds the user's receiver");
        assertFalse(POST_SAVE.disconnect(receiver, sender(Person.class)));
        persist(new Person(1L, "John", "Smith"));
        assertEquals(0, calls.get());
    }

    @Test
    void aModelReceiverConnectedTwiceUnderOneUidIsCalledOnce() {
        AtomicInteger calls = new AtomicInteger();
        Model<Person> person = Model.of(Person.class);
        connections.addAll(person.preSave((s, sender, save) -> calls.incrementAndGet(),
                signals.core.ConnectOption.dispatchUid("count-people")).connect());
        connections.addAll(person.preSave((s, sender, save) -> calls.incrementAndGet(),
                signals.core.ConnectOption.dispatchUid("count-people")).connect());
        persist(new Person(1L, "John", "Smith"));

        assertEquals(1, calls.get());
        assertEquals(Person.class, person.type());
    }

    @Test
    void theInventoryListsTheModuleAndItsSignals() {
        String inventory = signals.core.Signals.inventory().toString();

        assertTrue(inventory.contains("signals.jpa"), inventory);
        for (String name : List.of("pre_init", "post_init", "pre_save", "post_save", "pre_delete", "post_delete",
                "m2m_changed", "class_prepared", "pre_migrate", "post_migrate")) {
            assertTrue(inventory.contains(name), name + " in " + inventory);
        }
    }

    @Test
    void aModelRefusesASecondSender() {
        IllegalArgumentException failure = assertThrows(IllegalArgumentException.class,
                () -> Model.of(Person.class).postSave((s, sender, save) -> { }, sender(Car.class)));

        assertTrue(failure.getMessage().contains("post_save"), failure.getMessage());
        assertTrue(failure.getMessage().contains(Person.class.getName()), failure.getMessage());
        assertTrue(failure.getMessage().contains("receiver for Model["), failure.getMessage());
    }

    @Test
    void modelBindingsForInitAndDeleteReachTheirReceivers() {
        persist(new Person(1L, "John", "Smith"));
        List<String> heard = new CopyOnWriteArrayList<>();
        Model<Person> people = Model.of(Person.class);
        connections.addAll(people.preInit((signal, sender, init) -> heard.add("pre_init " + init.id())).connect());
        connections.addAll(people.postInit((signal, sender, init) -> heard.add(
                "post_init " + init.instance().getLastName())).connect());
        connections.addAll(people.postDelete((signal, sender, delete) -> heard.add(
                "post_delete " + delete.instance().getLastName())).connect());

        runInTransaction(em -> em.remove(em.find(Person.class, 1L)));

        assertEquals(List.of("pre_init 1", "post_init Smith", "post_delete Smith"), heard);
    }

    // ------------------------------------------------------------------ delete

    @Test
    void deleteSendsPreDeleteThenPostDeleteWithTheIdStillSet() {
        // test_delete_signals, test_delete_signals_origin_model (Person)
        persist(new Person(1L, "John", "Smith"));
        List<Object> ids = new ArrayList<>();
        connect(PRE_DELETE, (signal, sender, delete) -> ids.add(((Person) delete.instance()).getId()));
        connect(POST_DELETE, (signal, sender, delete) -> ids.add(((Person) delete.instance()).getId()));
        Recorder sent = record(PRE_DELETE, POST_DELETE);
        runInTransaction(em -> em.remove(em.find(Person.class, 1L)));

        assertEquals(List.of("pre_delete", "post_delete"), sent.names());
        assertEquals(List.of(1L, 1L), ids);
        for (Recorder.Sent s : sent.sent()) {
            assertEquals(Person.class, s.sender());
        }
        assertSame(sent.payloads(PRE_DELETE).get(0).instance(), sent.payloads(PRE_DELETE).get(0).origin());
        assertSame(sent.payloads(POST_DELETE).get(0).instance(), sent.payloads(POST_DELETE).get(0).origin());
        assertEquals(0, db.count("Person"));
    }

    @Test
    void aReceiverMayBeAnyObjectThatReceives() {
        // test_delete_signals: the receiver may be a callable object (#8285)
        class Handler implements Receiver<PreDelete<?>> {
            final List<Object> seen = new ArrayList<>();

            @Override
            public void receive(Signal<?> signal, Object sender, PreDelete<?> delete) {
                seen.add(delete.instance());
            }
        }
        persist(new Person(1L, "John", "Smith"));
        Handler handler = new Handler();
        connect(PRE_DELETE, handler);
        runInTransaction(em -> em.remove(em.find(Person.class, 1L)));

        assertEquals(1, handler.seen.size());
    }

    @Test
    void cascadedDeletesComeFirstAndAllCarryTheRemovedEntityAsOrigin() {
        // test_delete_signals_origin_model: deleting a Book with 2 Pages
        Book book = persistOdyssey("Sing to me of the man", "Muse");
        Recorder sent = record(PRE_DELETE, POST_DELETE);
        runInTransaction(em -> em.remove(em.find(Book.class, book.getId())));

        List<String> shape = new ArrayList<>();
        for (Recorder.Sent s : sent.sent()) {
            Object origin = s.payload() instanceof PreDelete<?> pre ? pre.origin() : ((PostDelete<?>) s.payload()).origin();
            shape.add(s.signal() + " " + ((Class<?>) s.sender()).getSimpleName() + " " + ((Book) origin).getName());
        }
        assertEquals(List.of("pre_delete Page Odyssey", "pre_delete Page Odyssey", "pre_delete Book Odyssey",
                "post_delete Page Odyssey", "post_delete Page Odyssey", "post_delete Book Odyssey"), shape);
        assertEquals(0, db.count("Page"));
    }

    @Test
    void anOrphanRemovedAtFlushIsItsOwnOrigin() {
        Book book = persistOdyssey("Sing to me of the man", "Muse");
        Recorder sent = record(PRE_DELETE, POST_DELETE);
        runInTransaction(em -> em.find(Book.class, book.getId()).getPages().remove(0));

        assertEquals(List.of("pre_delete", "post_delete"), sent.names());
        PreDelete<?> pre = sent.payloads(PRE_DELETE).get(0);
        assertEquals("Sing to me of the man", ((Page) pre.instance()).getText());
        assertSame(pre.instance(), pre.origin());
        assertEquals(1, db.count("Page"));
    }

    @Test
    void aReceiverForOneModelHearsOnlyItsDeletes() {
        Book book = persistOdyssey("Muse");
        List<String> pages = new ArrayList<>();
        connections.addAll(Model.of(Page.class).preDelete((signal, sender, delete) -> pages.add(
                delete.instance().getText() + " of " + ((Book) delete.origin()).getName())).connect());
        runInTransaction(em -> em.remove(em.find(Book.class, book.getId())));

        assertEquals(List.of("Muse of Odyssey"), pages);
    }

    @Test
    void removingAReferenceThatWasNeverLoadedSendsBothDeletes() {
        persist(new Person(1L, "John", "Smith"));
        Recorder sent = record(PRE_DELETE, POST_DELETE);
        runInTransaction(em -> {
            em.remove(unloaded(em, 1L));
        });

        assertEquals(List.of("pre_delete", "post_delete"), sent.names());
        PreDelete<?> pre = sent.payloads(PRE_DELETE).get(0);
        assertEquals(Person.class, pre.instance().getClass(), "the entity, not its proxy");
        assertSame(pre.instance(), pre.origin());
        assertEquals(0, db.count("Person"));
    }

    @Test
    void aCascadedRemovalWithoutReceiversStillDeletesEveryRow() {
        Book book = persistOdyssey("Sing to me of the man", "Muse");

        runInTransaction(em -> em.remove(em.find(Book.class, book.getId())));

        assertEquals(0, db.count("Page"));
        assertEquals(0, db.count("Book"));
    }

    @Test
    void aPostDeleteReceiverAloneGetsTheRemovedEntityAsOriginOfACascade() {
        Book book = persistOdyssey("Muse");
        Recorder sent = record(POST_DELETE);
        runInTransaction(em -> em.remove(em.find(Book.class, book.getId())));

        List<String> shape = new ArrayList<>();
        for (PostDelete<?> delete : sent.payloads(POST_DELETE)) {
            shape.add(delete.instance().getClass().getSimpleName() + " of " + ((Book) delete.origin()).getName());
        }
        assertEquals(List.of("Page of Odyssey", "Book of Odyssey"), shape);
    }

    @Test
    void removingTwiceSendsOnePreDelete() {
        Recorder sent = record(PRE_DELETE, POST_DELETE);
        // The entity itself, then a proxy loaded before the first removal.
        for (boolean throughProxy : List.of(false, true)) {
            persist(new Person(1L, "John", "Smith"));
            sent.clear();
            runInTransaction(em -> {
                Person person = throughProxy ? unloaded(em, 1L) : em.find(Person.class, 1L);
                Hibernate.initialize(person);
                em.remove(person);
                em.remove(person);
            });

            assertEquals(List.of("pre_delete", "post_delete"), sent.names(), throughProxy ? "proxy" : "entity");
        }
    }

    @Test
    void aPreDeleteReceiverThatThrowsKeepsTheRow() {
        persist(new Person(1L, "John", "Smith"));
        IllegalStateException refusal = new IllegalStateException("keep John");
        connect(PRE_DELETE, (signal, sender, delete) -> {
            throw refusal;
        });

        // As every host event of an adapter (signals.core.spi.HostEvent): wrapped, naming the
        // receiver, with the receiver's own exception as the cause.
        ReceiverException thrown = assertThrows(ReceiverException.class,
                () -> runInTransaction(em -> em.remove(em.find(Person.class, 1L))));
        assertSame(refusal, thrown.getCause());
        assertEquals(1, db.count("Person"));
    }

    // ------------------------------------------------------------------ init

    @Test
    void aDogLoadedThroughAnAnimalReferenceSendsBothInitsFromDog() {
        // Django sends pre_init and post_init from the concrete model; Hibernate's post-load event
        // carries the persister of the class the reference was asked for.
        Dog rex = new Dog("Rex", "Collie");
        persist(rex);
        Recorder sent = record(PRE_INIT, POST_INIT);
        List<Object> dogs = new ArrayList<>();
        connections.addAll(Model.of(Dog.class).postInit((signal, sender, init) -> dogs.add(init.instance())).connect());

        Animal loaded = callInTransaction(em -> {
            Animal reference = em.getReference(Animal.class, rex.getId());
            reference.getName();
            return (Animal) Hibernate.unproxy(reference);
        });

        assertEquals(List.of(Dog.class, Dog.class), sent.sent().stream().map(Recorder.Sent::sender).toList());
        assertEquals(List.of(loaded), dogs);
    }

    @Test
    void loadingSendsPreInitThenPostInit() {
        // test_model_pre_init_and_post_init (JPA: only for instances Hibernate creates)
        persist(new Person(1L, "John", "Smith"));
        Recorder sent = record(PRE_INIT, POST_INIT);
        Person loaded = callInTransaction(em -> em.find(Person.class, 1L));

        assertEquals(List.of("pre_init", "post_init"), sent.names());
        PreInit<?> pre = sent.payloads(PRE_INIT).get(0);
        assertEquals(Person.class, pre.model());
        assertEquals(1L, pre.id());
        assertSame(loaded, sent.payloads(POST_INIT).get(0).instance());
        assertEquals(Person.class, sent.sent().get(1).sender());
    }

    @Test
    void theApplicationsOwnNewSendsNoInit() {
        Recorder sent = record(PRE_INIT, POST_INIT);
        new Person(1L, "John", "Smith");

        assertEquals(List.of(), sent.names());
    }

    @Test
    void queriesAndRefreshSendInitForEachInstance() {
        persist(new Person(1L, "John", "Smith"), new Person(2L, "Jane", "Doe"));
        Recorder sent = record(POST_INIT);
        runInTransaction(em -> {
            List<Person> people = em.createQuery("from Person order by id", Person.class).getResultList();
            assertEquals(2, sent.payloads(POST_INIT).size());
            em.refresh(people.get(0));
        });

        assertEquals(3, sent.payloads(POST_INIT).size());
    }

    @Test
    void aLazyAssociationSendsInitWhenItLoads() {
        Book book = new Book("Odyssey");
        Page page = book.addPage("Muse");
        persist(book);
        Recorder sent = record(POST_INIT);
        runInTransaction(em -> {
            Page loaded = em.find(Page.class, page.getId());
            assertEquals(List.of(Page.class), sent.sent().stream().map(Recorder.Sent::sender).toList());
            assertEquals("Odyssey", loaded.getBook().getName());
        });

        assertEquals(List.of(Page.class, Book.class), sent.sent().stream().map(Recorder.Sent::sender).toList());
    }

    // ------------------------------------------------------------------ bulk

    @Test
    void bulkUpdateAndDeleteSendNothing() {
        persist(new Person(1L, "John", "Smith"), new Person(2L, "Jane", "Doe"));
        Recorder sent = record(PRE_SAVE, POST_SAVE, PRE_DELETE, POST_DELETE, PRE_INIT, POST_INIT);
        runInTransaction(em -> {
            assertEquals(2, em.createQuery("update Person set lastName = 'X'").executeUpdate());
            assertEquals(2, em.createQuery("delete from Person").executeUpdate());
        });

        assertEquals(List.of(), sent.names());
        assertEquals(0, db.count("Person"));
    }

    static Throwable rootCause(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }

    static <X extends Throwable> X findCause(Throwable failure, Class<X> type) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return type.cast(cause);
            }
        }
        throw new AssertionError("no " + type.getSimpleName() + " in " + failure, failure);
    }
}
