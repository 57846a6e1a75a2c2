package signals.jpa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static signals.jpa.ModelSignals.POST_DELETE;
import static signals.jpa.ModelSignals.POST_SAVE;

import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.hibernate.Session;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import signals.core.SignalBinding;
import signals.jpa.entities.Note;
import signals.jpa.entities.Profile;
import signals.jpa.entities.User;

/**
 * Receivers that use the database as Django's do, through their payload's entity manager: the
 * profile created for each new user, a query in pre_save, a chain of saves each signalled in turn,
 * all of it committed or rolled back with the save that started it.
 */
abstract class ReceiversUseTheDatabaseContract extends UnitContract {

    private Recorder recorder;

    @Override
    String unitName() {
        return "accounts";
    }

    @AfterEach
    void closeTheRecorder() {
        if (recorder != null) {
            recorder.close();
        }
    }

    void bind(SignalBinding<?> binding) {
        connections.addAll(binding.connect());
    }

    /** Django's first signal: post_save of a new User creates its Profile. */
    void createProfiles() {
        bind(Model.of(User.class).postSave((signal, sender, save) -> {
            if (save.created()) {
                save.entityManager().persist(new Profile(save.instance()));
            }
        }));
    }

    long profilesOf(User user) {
        return db.queryLong("SELECT COUNT(*) FROM " + db.qualified("Profile") + " WHERE user_id = " + user.getId());
    }

    @Test
    void aPostSaveReceiverCreatesTheProfileOfANewUserInTheSameTransaction() {
        createProfiles();
        User ann = new User("ann");
        List<Long> insideBeforeCommit = new ArrayList<>();

        runInTransaction(em -> {
            em.persist(ann);
            em.flush();
            insideBeforeCommit.add(db.countInside(em, "Profile"));
            insideBeforeCommit.add(db.count("Profile"));
        });

        assertEquals(List.of(1L, 0L), insideBeforeCommit, "written in the transaction, not committed before it");
        assertEquals(1, profilesOf(ann));
        runInTransaction(em -> em.find(User.class, ann.getId()).setName("ann b"));
        assertEquals(1, db.count("Profile"), "an update creates no second profile");
    }

    @Test
    void theReceiversSavesAreSignalledInTurn() {
        createProfiles();
        recorder = Recorder.of(POST_SAVE);

        runInTransaction(em -> em.persist(new User("ann")));

        assertEquals(List.of(User.class, Profile.class), recorder.sent().stream().map(Recorder.Sent::sender).toList());
        PostSave<?> profile = recorder.payloads(POST_SAVE).get(1);
        assertTrue(profile.created());
        assertEquals("accounts", profile.using());
    }

    @Test
    void aPreSaveReceiverQueriesOtherRows() {
        // A unique name, as a Django receiver counts the rows like it before the save.
        bind(Model.of(User.class).preSave((signal, sender, save) -> {
            if (save.created()) {
                Long same = save.entityManager()
                        .createQuery("select count(u) from User u where u.name like :name", Long.class)
                        .setParameter("name", save.instance().getName() + "%").getSingleResult();
                if (same > 0) {
                    save.instance().setName(save.instance().getName() + "-" + same);
                }
            }
        }));

        runInTransaction(em -> em.persist(new User("ann")));
        runInTransaction(em -> em.persist(new User("ann")));
        runInTransaction(em -> em.persist(new User("ann")));

        assertEquals(List.of("ann", "ann-1", "ann-2"), callInTransaction(em -> em
                .createQuery("select u.name from User u order by u.name", String.class).getResultList()));
    }

    @Test
    void aChainOfReceiversWritesEveryLink() {
        createProfiles();
        bind(Model.of(Profile.class).postSave((signal, sender, save) ->
                save.entityManager().persist(new Note(save.instance(), "welcome"))));
        recorder = Recorder.of(POST_SAVE);

        runInTransaction(em -> em.persist(new User("ann")));

        assertEquals(1, db.count("users"));
        assertEquals(1, db.count("Profile"));
        assertEquals("welcome", db.queryString("SELECT text FROM " + db.qualified("Note")));
        assertEquals(List.of(User.class, Profile.class, Note.class),
                recorder.sent().stream().map(Recorder.Sent::sender).toList());
    }

    @Test
    void theWholeChainRollsBackWhenTheLastReceiverThrows() {
        createProfiles();
        bind(Model.of(Profile.class).postSave((signal, sender, save) ->
                save.entityManager().persist(new Note(save.instance(), "welcome"))));
        IllegalStateException refusal = new IllegalStateException("no notes today");
        bind(Model.of(Note.class).postSave((signal, sender, save) -> {
            throw refusal;
        }));

        RuntimeException failure = assertThrows(RuntimeException.class,
                () -> runInTransaction(em -> em.persist(new User("ann"))));

        assertSame(refusal, rootCause(failure));
        assertEquals(0, db.count("users"));
        assertEquals(0, db.count("Profile"));
        assertEquals(0, db.count("Note"));
    }

    @Test
    void aPreDeleteReceiverRemovesWhatDependsOnTheInstance() {
        createProfiles();
        User ann = new User("ann");
        runInTransaction(em -> em.persist(ann));
        bind(Model.of(User.class).preDelete((signal, sender, delete) -> {
            EntityManager em = delete.entityManager();
            em.createQuery("select p from Profile p where p.user.id = :id", Profile.class)
                    .setParameter("id", delete.instance().getId()).getResultList().forEach(em::remove);
        }));
        recorder = Recorder.of(POST_DELETE);

        runInTransaction(em -> em.remove(em.find(User.class, ann.getId())));

        assertEquals(0, db.count("users"));
        assertEquals(0, db.count("Profile"));
        assertEquals(List.of(Profile.class, User.class), recorder.sent().stream().map(Recorder.Sent::sender).toList());
    }

    @Test
    void aReceiverThatSavesTheInstanceItWasSentSavesItAgainUntilNothingChanges() {
        // Django recurses: instance.save() in post_save sends post_save again. Here merge() writes
        // the receivers' copy, whose save is signalled again; a save that changes nothing sends
        // nothing, which ends the recursion.
        List<String> saves = new ArrayList<>();
        bind(Model.of(User.class).postSave((signal, sender, save) -> {
            saves.add(save.created() + " " + save.updateFields() + " " + save.instance().getName());
            User user = save.instance();
            if (!user.getName().equals(user.getName().toUpperCase(java.util.Locale.ROOT))) {
                user.setName(user.getName().toUpperCase(java.util.Locale.ROOT));
                User copy = save.entityManager().merge(user);
                assertNotSame(user, copy, "the receivers' session has instances of its own");
            }
        }));

        runInTransaction(em -> em.persist(new User("ann")));

        assertEquals(List.of("true null ann", "false [name] ANN"), saves, "the insert, then the receivers' merge");
        assertEquals("ANN", db.queryString("SELECT name FROM " + db.qualified("users")));
    }

    @Test
    void theEntityManagerIsAHibernateSessionOfItsOwnSharingTheTransaction() {
        List<Object> seen = new ArrayList<>();
        bind(Model.of(User.class).postSave((signal, sender, save) -> {
            EntityManager em = save.entityManager();
            seen.add(em.unwrap(Session.class).isOpen());
            seen.add(em.getTransaction().isActive());
            seen.add(em.contains(save.instance()));
            seen.add(em.find(User.class, save.instance().getId()) != save.instance());
        }));

        runInTransaction(em -> em.persist(new User("ann")));

        assertEquals(List.of(true, true, false, true), seen);
    }

    @Test
    void theEntityManagerIsUsableOnlyWhileTheReceiversRun() {
        List<EntityManager> kept = new ArrayList<>();
        bind(Model.of(User.class).postSave((signal, sender, save) -> {
            kept.add(save.entityManager());
            IllegalStateException close = assertThrows(IllegalStateException.class, save.entityManager()::close);
            assertTrue(close.getMessage().contains("closed by signals.jpa"), close.getMessage());
        }));

        runInTransaction(em -> em.persist(new User("ann")));

        IllegalStateException late = assertThrows(IllegalStateException.class,
                () -> kept.get(0).find(User.class, 1L));
        assertTrue(late.getMessage().contains("only while the receivers of that send run"), late.getMessage());
        assertFalse(kept.get(0).toString().isEmpty());
        assertEquals(kept.get(0), kept.get(0));
    }

    @Test
    void aReceiversInvalidSaveFailsTheOperationAndRollsItBack() {
        // A receiver's constraint violation fails the operation and rolls everything back.
        bind(Model.of(User.class).postSave((signal, sender, save) -> save.entityManager().persist(new Profile(null))));

        assertThrows(RuntimeException.class, () -> runInTransaction(em -> em.persist(new User("ann"))));

        assertEquals(0, db.count("users"));
        assertEquals(Set.of(), Set.copyOf(callInTransaction(em ->
                em.createQuery("select p from Profile p", Profile.class).getResultList())));
    }

    static Throwable rootCause(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }
}
