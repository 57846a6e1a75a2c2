package signals.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static signals.core.ConnectOption.onlyInTransaction;
import static signals.core.ConnectOption.phase;
import static signals.core.ConnectOption.sender;
import static signals.core.TransactionPhase.AFTER_COMMIT;
import static signals.core.TransactionPhase.AFTER_COMPLETION;
import static signals.core.TransactionPhase.AFTER_ROLLBACK;
import static signals.core.TransactionPhase.BEFORE_COMMIT;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import signals.core.spi.SignalAdapter;

class TransactionPhaseTests {

    private final Signal<String> saved = Signal.of("saved", String.class);
    private final List<String> calls = new CopyOnWriteArrayList<>();

    @BeforeEach
    void install() {
        TestTransactions.install();
    }

    @AfterEach
    void uninstall() {
        TestTransactions.uninstall();
    }

    private Receiver<String> record(String who) {
        return (signal, sender, payload) -> calls.add(who + ":" + sender + ":" + payload);
    }

    @Test
    void afterCommitReceiversRunAtCommitInSendOrderOncePerSend() {
        saved.connect(record("now"));
        saved.connect(record("commit"), phase(AFTER_COMMIT));
        TestTransactions.Tx tx = TestTransactions.begin();
        saved.send("a", "1");
        saved.fire("b", "2");
        assertEquals(List.of("now:a:1", "now:b:2"), calls);
        tx.commit();
        assertEquals(List.of("now:a:1", "now:b:2", "commit:a:1", "commit:b:2"), calls);
    }

    @Test
    void aRollbackCallsTheRollbackAndCompletionReceiversNeverTheCommitOnes() {
        List<Optional<TransactionOutcome>> outcomes = new ArrayList<>();
        saved.connect(record("before"), phase(BEFORE_COMMIT));
        saved.connect(record("commit"), phase(AFTER_COMMIT));
        saved.connect(record("rollback"), phase(AFTER_ROLLBACK));
        saved.connect((s, sender, p) -> outcomes.add(Transactions.outcome()), phase(AFTER_COMPLETION));
        TestTransactions.begin();
        saved.send("a", "1");
        TestTransactions.Tx tx = TestTransactions.begin();
        assertTrue(Transactions.isActive());
        saved.send("b", "2");
        tx.rollback();
        assertEquals(List.of("rollback:b:2"), calls);
        assertEquals(List.of(Optional.of(TransactionOutcome.ROLLED_BACK)), outcomes);
        assertFalse(Transactions.isActive());
        assertEquals(Optional.empty(), Transactions.outcome());
    }

    @Test
    void aCommitCallsBeforeCommitThenTheAfterReceiversWithTheOutcome() {
        List<Optional<TransactionOutcome>> outcomes = new ArrayList<>();
        saved.connect((s, sender, p) -> outcomes.add(Transactions.outcome()), phase(BEFORE_COMMIT));
        saved.connect(record("rollback"), phase(AFTER_ROLLBACK));
        saved.connect((s, sender, p) -> outcomes.add(Transactions.outcome()), phase(AFTER_COMPLETION));
        saved.connect((s, sender, p) -> outcomes.add(Transactions.outcome()), phase(AFTER_COMMIT));
        TestTransactions.Tx tx = TestTransactions.begin();
        saved.send("a", "1");
        tx.commit();
        assertEquals(List.of(Optional.empty(), Optional.of(TransactionOutcome.COMMITTED),
                Optional.of(TransactionOutcome.COMMITTED)), outcomes);
        assertEquals(List.of(), calls);
    }

    @Test
    void sendRepliesOnlyForTheReceiversItCalled() {
        saved.connect(record("now"));
        saved.connectResponder((s, sender, p) -> "answer");
        saved.connectResponder((s, sender, p) -> "later", phase(AFTER_COMMIT));
        TestTransactions.Tx tx = TestTransactions.begin();
        List<Reply> replies = saved.send("a", "1");
        assertEquals(2, replies.size());
        assertEquals("answer", replies.get(1).value());
        assertEquals(2, saved.sendRobust("a", "2").size());
        tx.commit();
    }

    @Test
    void aBeforeCommitReceiverThatThrowsRollsBackNamingItself() {
        saved.connect((s, sender, p) -> {
            throw new IllegalStateException("stock is negative");
        }, phase(BEFORE_COMMIT), ConnectOption.name("stock.check"));
        saved.connect(record("commit"), phase(AFTER_COMMIT));
        saved.connect(record("rollback"), phase(AFTER_ROLLBACK));
        TestTransactions.Tx tx = TestTransactions.begin();
        saved.send("a", "1");
        ReceiverException thrown = assertThrows(ReceiverException.class, tx::commit);
        assertTrue(thrown.getMessage().contains("stock.check"), thrown.getMessage());
        assertTrue(thrown.getMessage().contains("'saved'"), thrown.getMessage());
        assertInstanceOf(IllegalStateException.class, thrown.getCause());
        assertEquals(List.of("rollback:a:1"), calls);
    }

    @Test
    void anAfterCommitReceiverThatThrowsIsLoggedAndTheOthersStillRun() {
        saved.connect(record("first"), phase(AFTER_COMMIT));
        saved.connect((s, sender, p) -> {
            throw new IllegalStateException("mail server down");
        }, phase(AFTER_COMMIT), ConnectOption.name("mailer"));
        saved.connect(record("third"), phase(AFTER_COMMIT));
        TestTransactions.Tx tx = TestTransactions.begin();
        saved.send("a", "1");
        saved.send("b", "2");
        try (LogCapture log = LogCapture.start()) {
            tx.commit();
            assertEquals(2, log.records().size());
            String message = log.records().get(0).getMessage();
            assertTrue(message.contains("mailer") && message.contains("after commit") && message.contains("'saved'"),
                    message);
        }
        assertEquals(List.of("first:a:1", "third:a:1", "first:b:2", "third:b:2"), calls);
    }

    @Test
    void outsideATransactionASendCountsAsCommittedAtOnceAfterTheOtherReceivers() {
        List<Optional<TransactionOutcome>> outcomes = new ArrayList<>();
        saved.connect(record("commit"), phase(AFTER_COMMIT));
        saved.connect(record("before"), phase(BEFORE_COMMIT));
        saved.connect(record("rollback"), phase(AFTER_ROLLBACK));
        saved.connect(record("skipped"), phase(AFTER_COMMIT), onlyInTransaction());
        saved.connect((s, sender, p) -> outcomes.add(Transactions.outcome()), phase(AFTER_COMPLETION));
        saved.connect(record("now"));
        saved.fire("a", "1");
        assertEquals(List.of("now:a:1", "before:a:1", "commit:a:1"), calls);
        assertEquals(List.of(Optional.of(TransactionOutcome.COMMITTED)), outcomes);
    }

    @Test
    void outsideATransactionAFailedSendCallsNoAfterCommitReceiver() {
        saved.connect((s, sender, p) -> {
            throw new IllegalArgumentException("bad");
        });
        saved.connect(record("commit"), phase(AFTER_COMMIT));
        assertThrows(IllegalArgumentException.class, () -> saved.send("a", "1"));
        assertEquals(List.of(), calls);
    }

    @Test
    void outsideATransactionABeforeCommitFailureReachesTheSenderUnlessTheSendIsRobust() {
        saved.connect((s, sender, p) -> {
            throw new IllegalStateException("no");
        }, phase(BEFORE_COMMIT));
        saved.connect(record("commit"), phase(AFTER_COMMIT));
        ReceiverException thrown = assertThrows(ReceiverException.class, () -> saved.send("a", "1"));
        assertInstanceOf(IllegalStateException.class, thrown.getCause());
        assertEquals(List.of(), calls);
        try (LogCapture log = LogCapture.start()) {
            assertEquals(List.of(), saved.sendRobust("b", "2"));
            assertEquals(1, log.records().size());
        }
        assertEquals(List.of("commit:b:2"), calls);
    }

    @Test
    void aSendWhoseReceiverFailsInsideATransactionStillReachesTheRollbackReceivers() {
        saved.connect((s, sender, p) -> {
            throw new IllegalArgumentException("invalid");
        });
        saved.connect(record("rollback"), phase(AFTER_ROLLBACK));
        TestTransactions.Tx tx = TestTransactions.begin();
        assertThrows(IllegalArgumentException.class, () -> saved.fire("a", "1"));
        tx.rollback();
        assertEquals(List.of("rollback:a:1"), calls);
    }

    @Test
    void aSendFromABeforeCommitReceiverRunsInTheSameCommit() {
        Signal<String> audited = Signal.of("audited", String.class);
        saved.connect((s, sender, p) -> audited.send(sender, "audit of " + p), phase(BEFORE_COMMIT));
        audited.connect(record("audit-before"), phase(BEFORE_COMMIT));
        audited.connect(record("audit-commit"), phase(AFTER_COMMIT));
        saved.connect(record("commit"), phase(AFTER_COMMIT));
        TestTransactions.Tx tx = TestTransactions.begin();
        saved.send("a", "1");
        tx.commit();
        assertEquals(List.of("audit-before:a:audit of 1", "commit:a:1", "audit-commit:a:audit of 1"), calls);
    }

    @Test
    void aSendFromAnAfterCommitReceiverIsOutsideTheTransaction() {
        Signal<String> mailed = Signal.of("mailed", String.class);
        saved.connect((s, sender, p) -> {
            calls.add("active:" + Transactions.isActive());
            mailed.send(sender, p);
        }, phase(AFTER_COMMIT));
        mailed.connect(record("mailed-commit"), phase(AFTER_COMMIT));
        TestTransactions.Tx tx = TestTransactions.begin();
        saved.send("a", "1");
        tx.commit();
        assertEquals(List.of("active:false", "mailed-commit:a:1"), calls);
    }

    @Test
    void senderFiltersApplyToReceiversWithAPhase() {
        saved.connect(record("seven"), phase(AFTER_COMMIT), sender("seven"));
        saved.connect(record("any"), phase(AFTER_COMMIT));
        TestTransactions.Tx tx = TestTransactions.begin();
        saved.send("seven", "1");
        saved.send("eight", "2");
        assertTrue(saved.hasListeners("eight"));
        tx.commit();
        assertEquals(List.of("seven:seven:1", "any:seven:1", "any:eight:2"), calls);
    }

    @Test
    void aSignalWithOnlyReceiversWithAPhaseIsHeard() {
        saved.connect(record("commit"), phase(AFTER_COMMIT));
        assertTrue(saved.hasListeners("a"));
        assertTrue(SignalAdapter.isHeard(saved, "a"));
        assertTrue(SignalAdapter.event(saved, "a").isHeard());
    }

    @Test
    void aMutedSignalQueuesNothing() {
        saved.connect(record("commit"), phase(AFTER_COMMIT));
        TestTransactions.Tx tx = TestTransactions.begin();
        try (Signal<String>.Mute mute = saved.mute()) {
            saved.send("a", "1");
        }
        tx.commit();
        assertEquals(0, tx.work.size());
        assertEquals(List.of(), calls);
    }

    @Test
    void aSignalWithoutReceiversWithAPhaseQueuesNothing() {
        saved.connect(record("now"));
        TestTransactions.Tx tx = TestTransactions.begin();
        saved.send("a", "1");
        saved.fire("a", "2");
        saved.sendRobust("a", "3");
        tx.commit();
        assertEquals(0, tx.work.size());
    }

    @Test
    void hostEventsQueueTheirReceiversWithAPhase() {
        saved.connect(record("commit"), phase(AFTER_COMMIT));
        saved.connect(record("now"));
        TestTransactions.Tx tx = TestTransactions.begin();
        SignalAdapter.event(saved, "host").fire("1");
        assertEquals(List.of("now:host:1"), calls);
        tx.commit();
        assertEquals(List.of("now:host:1", "commit:host:1"), calls);
    }

    @Test
    void asynchronousSendsQueueOnTheSendingThreadsTransaction() throws Exception {
        saved.connect(record("commit"), phase(AFTER_COMMIT));
        saved.connect(record("now"));
        TestTransactions.Tx tx = TestTransactions.begin();
        saved.sendAsync("a", "1").get(10, TimeUnit.SECONDS);
        assertEquals(List.of("now:a:1"), calls);
        tx.commit();
        assertEquals(List.of("now:a:1", "commit:a:1"), calls);
    }

    @Test
    void asynchronousSendsOutsideATransactionCallThemAfterTheOthers() throws Exception {
        saved.connect(record("commit"), phase(AFTER_COMMIT));
        saved.connect(record("now"));
        assertEquals(1, saved.sendRobustAsync("a", "1").get(10, TimeUnit.SECONDS).size());
        assertEquals(List.of("now:a:1", "commit:a:1"), calls);
        saved.disconnectWhere(link -> link.phase == null);
        assertEquals(List.of(), saved.sendAsync("b", "2").get(10, TimeUnit.SECONDS));
        assertEquals(List.of("now:a:1", "commit:a:1", "commit:b:2"), calls);
    }

    @Test
    void aFailedAsynchronousSendOutsideATransactionCallsNoAfterCommitReceiver() {
        saved.connect((s, sender, p) -> {
            throw new IllegalStateException("no");
        });
        saved.connect(record("commit"), phase(AFTER_COMMIT));
        assertThrows(Exception.class, () -> saved.sendAsync("a", "1").get(10, TimeUnit.SECONDS));
        assertEquals(List.of(), calls);
    }

    @Test
    void aWeakReceiverWhoseOwnerIsGoneIsSkippedAtCommit() throws InterruptedException {
        Object[] owner = {new Object()};
        java.lang.ref.WeakReference<Object> gone = new java.lang.ref.WeakReference<>(owner[0]);
        saved.connectWeak(owner[0], (o, s, sender, p) -> calls.add("weak:" + p), phase(AFTER_COMMIT));
        TestTransactions.Tx tx = TestTransactions.begin();
        saved.send("a", "1");
        tx.commit();
        assertEquals(List.of("weak:1"), calls);
        TestTransactions.Tx second = TestTransactions.begin();
        saved.send("a", "2");
        owner[0] = null;
        assertTrue(Gc.until(() -> gone.get() == null), "the owner was not collected");
        second.commit();
        assertEquals(List.of("weak:1"), calls);
    }

    @Test
    void onCommitRunsAfterCommitNeverAfterRollbackAndAtOnceOutside() {
        TestTransactions.Tx tx = TestTransactions.begin();
        Transactions.onCommit(() -> calls.add("committed"));
        assertEquals(List.of(), calls);
        tx.commit();
        assertEquals(List.of("committed"), calls);
        TestTransactions.Tx rolledBack = TestTransactions.begin();
        Transactions.onCommit(() -> calls.add("rolled back"));
        rolledBack.rollback();
        Transactions.onCommit(() -> calls.add("outside"));
        assertEquals(List.of("committed", "outside"), calls);
        assertThrows(NullPointerException.class, () -> Transactions.onCommit(null));
    }

    @Test
    void anOnCommitActionThatThrowsIsLoggedAndTheNextRuns() {
        TestTransactions.Tx tx = TestTransactions.begin();
        Transactions.onCommit(() -> {
            throw new IllegalStateException("boom");
        });
        Transactions.onCommit(() -> calls.add("next:" + Transactions.outcome().orElseThrow()));
        try (LogCapture log = LogCapture.start()) {
            tx.commit();
            assertEquals(1, log.records().size());
            assertTrue(log.records().get(0).getMessage().contains("after commit"));
        }
        assertEquals(List.of("next:COMMITTED"), calls);
        assertThrows(IllegalStateException.class, () -> Transactions.onCommit(() -> {
            throw new IllegalStateException("at once");
        }));
    }

    @Test
    void resourcesComeFromTheThreadsTransaction() {
        assertEquals(Optional.empty(), Transactions.resource(StringBuilder.class));
        StringBuilder connection = new StringBuilder("connection");
        TestTransactions.Tx tx = TestTransactions.begin(Map.of(StringBuilder.class, connection));
        assertSame(connection, Transactions.resource(StringBuilder.class).orElseThrow());
        assertEquals(Optional.empty(), Transactions.resource(Integer.class));
        assertThrows(NullPointerException.class, () -> Transactions.resource(null));
        tx.rollback();
        assertEquals(Optional.empty(), Transactions.resource(StringBuilder.class));
    }

    @Test
    void connectionsAndTheInventoryShowThePhase() {
        Signal<String> saved = Signal.of("saved_with_phases", String.class);
        SignalConnection later = saved.connect(record("commit"), phase(AFTER_COMMIT), onlyInTransaction());
        SignalConnection now = saved.connect(record("now"));
        assertEquals(Optional.of(AFTER_COMMIT), later.phase());
        assertEquals(Optional.empty(), now.phase());
        assertEquals(Optional.of(AFTER_COMMIT), saved.connect(record("commit2"), phase(AFTER_COMMIT),
                ConnectOption.dispatchUid("x")).phase());
        assertEquals(Optional.of(AFTER_COMMIT), saved.connect(record("commit3"), phase(AFTER_COMMIT),
                ConnectOption.dispatchUid("x")).phase());
        assertTrue(later.toString().contains("phase=AFTER_COMMIT only in a transaction"), later.toString());
        String inventory = Signals.inventory().toString();
        assertTrue(inventory.contains("[after commit, only in a transaction]"), inventory);
        assertTrue(inventory.contains("test transactions"), inventory);
        Inventory.SignalEntry entry = Signals.inventory().signals().stream()
                .filter(s -> s.name().equals("saved_with_phases")).findFirst().orElseThrow();
        List<String> phases = new ArrayList<>();
        entry.receivers().forEach(r -> phases.add(r.phase()));
        assertEquals(java.util.Arrays.asList("after commit, only in a transaction", null, "after commit"), phases);
    }

    @Test
    void badOptionsAreNamed() {
        assertThrows(NullPointerException.class, () -> phase(null));
        IllegalArgumentException alone = assertThrows(IllegalArgumentException.class,
                () -> saved.connect(record("x"), onlyInTransaction()));
        assertTrue(alone.getMessage().contains("onlyInTransaction() given without phase"), alone.getMessage());
        assertTrue(alone.getMessage().contains("'saved'"), alone.getMessage());
        IllegalArgumentException twice = assertThrows(IllegalArgumentException.class,
                () -> saved.connect(record("x"), phase(AFTER_COMMIT), phase(BEFORE_COMMIT)));
        assertTrue(twice.getMessage().contains("phase given twice: AFTER_COMMIT and BEFORE_COMMIT"), twice.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> saved.connect(record("x"), phase(AFTER_COMMIT), onlyInTransaction(), onlyInTransaction()));
        assertEquals("phase(AFTER_COMMIT)", phase(AFTER_COMMIT).toString());
        assertEquals("onlyInTransaction()", onlyInTransaction().toString());
        assertEquals(0, saved.receivers().size());
    }

    @Test
    void bindingsCarryThePhase() {
        SignalBinding<String> binding = SignalBinding.receiver(saved, record("bound"), phase(AFTER_ROLLBACK));
        List<SignalConnection> connected = binding.connect();
        assertEquals(Optional.of(AFTER_ROLLBACK), connected.get(0).phase());
        TestTransactions.Tx tx = TestTransactions.begin();
        saved.send("a", "1");
        tx.rollback();
        assertEquals(List.of("bound:a:1"), calls);
    }
}
