package signals.jpa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static signals.core.ConnectOption.phase;
import static signals.core.TransactionPhase.AFTER_COMMIT;
import static signals.core.TransactionPhase.AFTER_COMPLETION;
import static signals.core.TransactionPhase.AFTER_ROLLBACK;
import static signals.core.TransactionPhase.BEFORE_COMMIT;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityTransaction;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import signals.core.ReceiverException;
import signals.core.Signal;
import signals.core.SignalBinding;
import signals.core.TransactionOutcome;
import signals.core.Transactions;
import signals.jpa.entities.Profile;
import signals.jpa.entities.User;

/**
 * Receivers connected to a transaction phase, on Hibernate's own transactions: what runs at
 * commit, at rollback, before commit, with several flushes, sessions and threads, and a count
 * over ten thousand sends.
 */
abstract class TransactionPhaseContract extends UnitContract {

    private final List<String> calls = new CopyOnWriteArrayList<>();
    private ExecutorService threads;

    @Override
    String unitName() {
        return "accounts";
    }

    @AfterEach
    void forgetTheCalls() throws InterruptedException {
        calls.clear();
        if (threads != null) {
            threads.shutdownNow();
            assertTrue(threads.awaitTermination(30, TimeUnit.SECONDS));
            threads = null;
        }
    }

    void bind(SignalBinding<?> binding) {
        connections.addAll(binding.connect());
    }

    long users() {
        return db.count("users");
    }

    @Test
    void anAfterCommitReceiverRunsOnceTheRowIsCommittedAndNotDuringTheFlush() {
        List<Long> seen = new ArrayList<>();
        bind(Model.of(User.class).postSave((signal, sender, save) -> {
            calls.add("commit:" + save.instance().getName() + ":" + save.created());
            seen.add(users());
        }, phase(AFTER_COMMIT)));
        runInTransaction(em -> {
            em.persist(new User("ann"));
            em.flush();
            assertEquals(List.of(), calls, "not called during the flush");
        });
        assertEquals(List.of("commit:ann:true"), calls);
        assertEquals(List.of(1L), seen, "the committed row, seen from another connection");
    }

    @Test
    void anAfterCommitReceiverReadsTheCommittedRowInANewEntityManager() {
        List<String> read = new ArrayList<>();
        bind(Model.of(User.class).postSave((signal, sender, save) -> {
            try (EntityManager fresh = units.createEntityManager()) {
                read.add(fresh.find(User.class, save.instance().getId()).getName());
            }
        }, phase(AFTER_COMMIT)));
        runInTransaction(em -> em.persist(new User("bob")));
        assertEquals(List.of("bob"), read);
    }

    @Test
    void aRollbackCallsTheRollbackReceiversAndNoCommitOne() {
        bind(Model.of(User.class).postSave((signal, sender, save) -> calls.add("commit"), phase(AFTER_COMMIT)));
        bind(Model.of(User.class).postSave((signal, sender, save) ->
                calls.add("rollback:" + save.instance().getName()), phase(AFTER_ROLLBACK)));
        bind(Model.of(User.class).postSave((signal, sender, save) ->
                calls.add("completion:" + Transactions.outcome().orElseThrow()), phase(AFTER_COMPLETION)));
        try (EntityManager em = units.createEntityManager()) {
            em.getTransaction().begin();
            em.persist(new User("cat"));
            em.flush();
            em.getTransaction().rollback();
        }
        assertEquals(List.of("rollback:cat", "completion:ROLLED_BACK"), calls);
        assertEquals(0, users());
    }

    @Test
    void aBeforeCommitReceiverThatThrowsRollsTheTransactionBack() {
        bind(Model.of(User.class).postSave((signal, sender, save) -> {
            throw new IllegalStateException("no users on Sundays");
        }, phase(BEFORE_COMMIT), signals.core.ConnectOption.name("sunday.check")));
        bind(Model.of(User.class).postSave((signal, sender, save) -> calls.add("rollback"), phase(AFTER_ROLLBACK)));
        bind(Model.of(User.class).postSave((signal, sender, save) -> calls.add("commit"), phase(AFTER_COMMIT)));
        RuntimeException thrown = assertThrows(RuntimeException.class,
                () -> runInTransaction(em -> em.persist(new User("dan"))));
        ReceiverException cause = causeOf(thrown);
        assertTrue(cause.getMessage().contains("sunday.check"), cause.getMessage());
        assertEquals(0, users());
        assertEquals(List.of("rollback"), calls);
    }

    private static ReceiverException causeOf(Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            if (t instanceof ReceiverException) {
                return (ReceiverException) t;
            }
        }
        throw new AssertionError("no ReceiverException in " + thrown, thrown);
    }

    @Test
    void aBeforeCommitReceiverWritesInTheTransactionThroughItsEntityManager() {
        bind(Model.of(User.class).postSave((signal, sender, save) -> {
            EntityManager em = Transactions.resource(EntityManager.class).orElseThrow();
            em.persist(new Profile(em.find(User.class, save.instance().getId())));
        }, phase(BEFORE_COMMIT)));
        bind(Model.of(Profile.class).postSave((signal, sender, save) -> calls.add("profile committed"),
                phase(AFTER_COMMIT)));
        runInTransaction(em -> em.persist(new User("eve")));
        assertEquals(1, db.count("Profile"), "flushed after the before-commit receivers");
        assertEquals(List.of("profile committed"), calls, "the receivers' own save is signalled in turn");
    }

    @Test
    void aBeforeCommitReceiverWritesThroughTheTransactionsConnection() {
        Signal<String> orderPlaced = Signal.of("order_placed", String.class);
        connect(orderPlaced, (signal, sender, order) -> {
            Connection connection = Transactions.resource(Connection.class).orElseThrow();
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO " + db.qualified("users") + " (id, name) VALUES (?, ?)")) {
                insert.setLong(1, 4242);
                insert.setString(2, "outbox: " + order);
                insert.executeUpdate();
            }
        }, phase(BEFORE_COMMIT));
        assertThrows(IllegalStateException.class, () -> runInTransaction(em -> {
            orderPlaced.send("shop", "rolled back");
            throw new IllegalStateException("the order failed");
        }));
        assertEquals(0, users());
        runInTransaction(em -> orderPlaced.send("shop", "o-1"));
        assertEquals("outbox: o-1", db.queryString("SELECT name FROM " + db.qualified("users") + " WHERE id = 4242"));
    }

    @Test
    void severalFlushesInOneTransactionArriveInSendOrderAtCommit() {
        bind(Model.of(User.class).postSave((signal, sender, save) ->
                calls.add(save.instance().getName() + ":" + save.created()), phase(AFTER_COMMIT)));
        runInTransaction(em -> {
            User fay = new User("fay");
            em.persist(fay);
            em.flush();
            fay.setName("fay b");
            em.flush();
            em.persist(new User("gus"));
            assertEquals(List.of(), calls);
        });
        // The instance is the same object at each commit call: it holds its state at commit.
        assertEquals(List.of("fay b:true", "fay b:false", "gus:true"), calls);
    }

    @Test
    void anApplicationSignalSentInsideATransactionWaitsForIt() {
        Signal<String> welcome = Signal.of("welcome", String.class);
        connect(welcome, (signal, sender, name) -> calls.add("mail " + name), phase(AFTER_COMMIT));
        connect(welcome, (signal, sender, name) -> calls.add("drop " + name), phase(AFTER_ROLLBACK));
        runInTransaction(em -> {
            assertTrue(Transactions.isActive());
            welcome.send("shop", "hal");
            assertEquals(List.of(), calls);
        });
        assertThrows(IllegalStateException.class, () -> runInTransaction(em -> {
            welcome.send("shop", "ivy");
            throw new IllegalStateException("failed");
        }));
        welcome.send("shop", "jay");
        assertFalse(Transactions.isActive());
        assertEquals(List.of("mail hal", "drop ivy", "mail jay"), calls, "outside a transaction: at once");
    }

    @Test
    void onCommitRunsAfterAHibernateCommitOnly() {
        runInTransaction(em -> Transactions.onCommit(() -> calls.add("committed")));
        assertThrows(IllegalStateException.class, () -> runInTransaction(em -> {
            Transactions.onCommit(() -> calls.add("rolled back"));
            throw new IllegalStateException("failed");
        }));
        assertEquals(List.of("committed"), calls);
    }

    @Test
    void anInnerTransactionOnTheSameThreadGetsItsOwnSends() {
        Signal<String> event = Signal.of("event", String.class);
        connect(event, (signal, sender, what) -> calls.add("commit " + what), phase(AFTER_COMMIT));
        connect(event, (signal, sender, what) -> calls.add("rollback " + what), phase(AFTER_ROLLBACK));
        try (EntityManager outer = units.createEntityManager()) {
            outer.getTransaction().begin();
            event.send("t", "outer before");
            runInTransaction(inner -> event.send("t", "inner"));
            event.send("t", "outer after");
            outer.getTransaction().rollback();
        }
        assertEquals(List.of("commit inner", "rollback outer before", "rollback outer after"), calls);
    }

    @Test
    void twoSessionsOnTwoThreadsKeepTheirOwnSends() throws Exception {
        Set<String> committed = Collections.synchronizedSet(new HashSet<>());
        Set<String> rolledBack = Collections.synchronizedSet(new HashSet<>());
        bind(Model.of(User.class).postSave((s, sender, save) -> committed.add(save.instance().getName()),
                phase(AFTER_COMMIT)));
        bind(Model.of(User.class).postSave((s, sender, save) -> rolledBack.add(save.instance().getName()),
                phase(AFTER_ROLLBACK)));
        CountDownLatch bothFlushed = new CountDownLatch(2);
        threads = Executors.newFixedThreadPool(2);
        CompletableFuture<Void> keeps = CompletableFuture.runAsync(() -> inTransaction(true, "kim", bothFlushed), threads);
        CompletableFuture<Void> drops = CompletableFuture.runAsync(() -> inTransaction(false, "lee", bothFlushed), threads);
        keeps.get(60, TimeUnit.SECONDS);
        drops.get(60, TimeUnit.SECONDS);
        assertEquals(Set.of("kim"), committed);
        assertEquals(Set.of("lee"), rolledBack);
    }

    private void inTransaction(boolean commit, String name, CountDownLatch bothFlushed) {
        try (EntityManager em = units.createEntityManager()) {
            EntityTransaction transaction = em.getTransaction();
            transaction.begin();
            try {
                em.persist(new User(name));
                em.flush();
                bothFlushed.countDown();
                if (!bothFlushed.await(30, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("the other thread never flushed");
                }
                if (commit) {
                    transaction.commit();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            } finally {
                if (transaction.isActive()) {
                    transaction.rollback();
                }
            }
        }
    }

    @Test
    void aLoadOutsideATransactionCallsItsReceiversAtOnce() {
        User mia = callInTransaction(em -> {
            User made = new User("mia");
            em.persist(made);
            return made;
        });
        bind(Model.of(User.class).postInit((signal, sender, init) -> calls.add("loaded " + init.instance().getName()),
                phase(AFTER_COMMIT)));
        try (EntityManager em = units.createEntityManager()) {
            em.find(User.class, mia.getId());
        }
        assertEquals(List.of("loaded mia"), calls);
    }

    @Test
    void anAfterCommitReceiverReadsTheDetachedInstanceButNotTheClosedEntityManager() {
        List<Object> read = new ArrayList<>();
        bind(Model.of(User.class).postSave((signal, sender, save) -> {
            read.add(save.instance().getName());
            read.add(save.instance().getId() != null);
            read.add(assertThrows(IllegalStateException.class,
                    () -> save.entityManager().find(User.class, save.instance().getId())).getMessage());
        }, phase(AFTER_COMMIT)));
        runInTransaction(em -> em.persist(new User("ned")));
        assertEquals("ned", read.get(0));
        assertEquals(true, read.get(1));
        assertTrue(((String) read.get(2)).contains("usable only while the receivers of that send run"),
                (String) read.get(2));
    }

    @Test
    void anAfterCommitReceiverThatThrowsLeavesTheCommitAndTheOthers() {
        bind(Model.of(User.class).postSave((signal, sender, save) -> {
            throw new IllegalStateException("mail server down");
        }, phase(AFTER_COMMIT)));
        bind(Model.of(User.class).postSave((signal, sender, save) -> calls.add("cache"), phase(AFTER_COMMIT)));
        List<LogRecord> logged = new CopyOnWriteArrayList<>();
        Logger core = Logger.getLogger("signals.core");
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                logged.add(record);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        boolean parents = core.getUseParentHandlers();
        core.addHandler(handler);
        core.setUseParentHandlers(false);
        try {
            runInTransaction(em -> em.persist(new User("oli")));
        } finally {
            core.removeHandler(handler);
            core.setUseParentHandlers(parents);
        }
        assertEquals(1, users());
        assertEquals(List.of("cache"), calls);
        assertEquals(1, logged.size());
        assertEquals(Level.SEVERE, logged.get(0).getLevel());
        assertTrue(logged.get(0).getMessage().contains("after commit of a send of signal 'post_save'"),
                logged.get(0).getMessage());
        assertEquals("mail server down", logged.get(0).getThrown().getMessage());
    }

    /**
     * The count: 10,000 saves in 100 transactions, every other one rolled back; the
     * after-commit receivers get exactly the committed half, the after-rollback ones exactly the
     * other half.
     */
    @Test
    void tenThousandSendsInAHundredTransactionsAreEachCountedOnce() {
        Set<String> committed = Collections.synchronizedSet(new HashSet<>());
        Set<String> rolledBack = Collections.synchronizedSet(new HashSet<>());
        List<String> twice = new CopyOnWriteArrayList<>();
        bind(Model.of(User.class).postSave((s, sender, save) -> {
            if (!committed.add(save.instance().getName())) {
                twice.add(save.instance().getName());
            }
        }, phase(AFTER_COMMIT)));
        bind(Model.of(User.class).postSave((s, sender, save) -> {
            if (!rolledBack.add(save.instance().getName())) {
                twice.add(save.instance().getName());
            }
        }, phase(AFTER_ROLLBACK)));
        Set<String> expectedCommitted = new HashSet<>();
        Set<String> expectedRolledBack = new HashSet<>();
        for (int t = 0; t < 100; t++) {
            boolean commit = t % 2 == 0;
            try (EntityManager em = units.createEntityManager()) {
                em.getTransaction().begin();
                for (int i = 0; i < 100; i++) {
                    String name = "u" + t + "-" + i;
                    em.persist(new User(name));
                    (commit ? expectedCommitted : expectedRolledBack).add(name);
                    if (i % 50 == 49) {
                        em.flush();
                    }
                }
                if (commit) {
                    em.getTransaction().commit();
                } else {
                    em.flush();
                    em.getTransaction().rollback();
                }
            }
        }
        assertEquals(5000, expectedCommitted.size());
        assertEquals(expectedCommitted, committed);
        assertEquals(expectedRolledBack, rolledBack);
        assertEquals(List.of(), twice);
        assertEquals(5000, users());
    }

    @Test
    void theInventoryShowsThePhaseAndTheHost() {
        bind(Model.of(User.class).postSave((s, sender, save) -> { }, phase(AFTER_COMMIT)));
        String inventory = signals.core.Signals.inventory().toString();
        assertTrue(inventory.contains("[after commit]"), inventory);
        assertEquals(TransactionOutcome.COMMITTED, TransactionOutcome.valueOf("COMMITTED"));
    }
}
