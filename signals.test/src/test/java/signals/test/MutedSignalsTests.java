package signals.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import signals.core.Signal;

// factory_boy's mute_signals tests (tests/test_django.py), and the per-thread scope.
class MutedSignalsTests {

    static final Signal<String> SAVED = Signal.of("saved", String.class);
    static final Signal<String> DELETED = Signal.of("deleted", String.class);

    private final List<String> heard = new CopyOnWriteArrayList<>();

    @RegisterExtension
    final TestReceivers receivers = new TestReceivers();

    @BeforeEach
    void listen() {
        receivers.add(SAVED.connect((signal, sender, payload) -> heard.add("saved " + payload)));
        receivers.add(DELETED.connect((signal, sender, payload) -> heard.add("deleted " + payload)));
    }

    @Test
    void aMutedSignalReachesNoReceiverAndOthersStillDo() {
        try (MutedSignals muted = MutedSignals.inThisThreadAndChildren(SAVED)) {
            SAVED.fire(null, "a");
            DELETED.fire(null, "b");
        }
        SAVED.fire(null, "c");

        assertEquals(List.of("deleted b", "saved c"), heard);
    }

    @Test
    void noSignalGivenMutesEverySignal() {
        try (MutedSignals muted = MutedSignals.inThisThreadAndChildren()) {
            SAVED.fire(null, "a");
            DELETED.fire(null, "b");
            assertEquals(List.of(), SAVED.send(null, "c"));
        }
        assertEquals(List.of(), heard);
    }

    @Test
    void nestedMutesKeepTheSignalMutedUntilTheOutermostEnds() {
        try (MutedSignals outer = MutedSignals.inThisThreadAndChildren(SAVED)) {
            try (MutedSignals inner = MutedSignals.inThisThreadAndChildren(SAVED)) {
                SAVED.fire(null, "inner");
            }
            SAVED.fire(null, "outer");
        }
        SAVED.fire(null, "after");

        assertEquals(List.of("saved after"), heard);
    }

    @Test
    void mutesMayEndInAnyOrder() {
        MutedSignals first = MutedSignals.inThisThreadAndChildren(SAVED);
        MutedSignals second = MutedSignals.inThisThreadAndChildren(DELETED);
        first.close();
        SAVED.fire(null, "a");
        DELETED.fire(null, "b");
        second.close();
        second.close();
        DELETED.fire(null, "c");

        assertEquals(List.of("saved a", "deleted c"), heard);
    }

    // test_receiver_created_during_model_instantiation_is_not_lost
    @Test
    void aReceiverConnectedDuringAMuteIsSilentUntilItEndsAndStaysConnected() {
        try (MutedSignals muted = MutedSignals.inThisThreadAndChildren(SAVED)) {
            receivers.add(SAVED.connect((signal, sender, payload) -> heard.add("late " + payload)));
            SAVED.fire(null, "a");
        }
        SAVED.fire(null, "b");

        assertEquals(List.of("saved b", "late b"), heard);
    }

    @Test
    void aReceiverDisconnectedDuringAMuteStaysDisconnected() {
        try (MutedSignals muted = MutedSignals.inThisThreadAndChildren(SAVED)) {
            receivers.connections().get(0).disconnect();
        }
        SAVED.fire(null, "a");

        assertEquals(List.of(), heard);
    }

    @Test
    void anExceptionInsideTheBlockStillEndsTheMute() {
        assertThrows(IllegalStateException.class, () -> {
            try (MutedSignals muted = MutedSignals.inThisThreadAndChildren(SAVED)) {
                throw new IllegalStateException("fixture failed");
            }
        });
        SAVED.fire(null, "a");

        assertEquals(List.of("saved a"), heard);
    }

    @Test
    void aThreadMuteLeavesThreadsStartedBeforeAlone() throws Exception {
        ExecutorService earlier = Pools.started();
        try {
            try (MutedSignals muted = MutedSignals.inThisThreadAndChildren(SAVED)) {
                Pools.run(earlier, () -> SAVED.fire(null, "pool"));
            }
        } finally {
            earlier.shutdownNow();
        }
        assertEquals(List.of("saved pool"), heard);
    }

    @Test
    void aThreadStartedDuringAMuteIsMutedUntilTheMuteEnds() throws Exception {
        ExecutorService started;
        try (MutedSignals muted = MutedSignals.inThisThreadAndChildren(SAVED)) {
            started = Executors.newSingleThreadExecutor();
            Pools.run(started, () -> SAVED.fire(null, "during"));
        }
        try {
            Pools.run(started, () -> SAVED.fire(null, "after"));
        } finally {
            started.shutdownNow();
        }
        assertEquals(List.of("saved after"), heard);
    }

    @Test
    void anAsynchronousSendFromAMutedThreadIsMuted() throws Exception {
        try (MutedSignals muted = MutedSignals.inThisThreadAndChildren(SAVED)) {
            assertEquals(List.of(), SAVED.sendAsync(null, "async").get(10, TimeUnit.SECONDS));
        }
        assertEquals(List.of(), heard);
    }

    @Test
    void aMuteEverywhereMutesThreadsStartedBefore() throws Exception {
        ExecutorService earlier = Pools.started();
        try {
            try (MutedSignals muted = MutedSignals.everywhere(SAVED)) {
                Pools.run(earlier, () -> SAVED.fire(null, "pool"));
                SAVED.fire(null, "own");
            }
            Pools.run(earlier, () -> SAVED.fire(null, "after"));
        } finally {
            earlier.shutdownNow();
        }
        assertEquals(List.of("saved after"), heard);
    }

    @Test
    void aMuteClosedFromAnotherThreadEnds() throws Exception {
        MutedSignals muted = MutedSignals.everywhere(SAVED);
        Thread closer = new Thread(muted::close);
        closer.start();
        closer.join();
        SAVED.fire(null, "a");

        assertEquals(List.of("saved a"), heard);
    }

    @Test
    void describesItself() {
        MutedSignals muted = MutedSignals.inThisThreadAndChildren(SAVED, DELETED);
        String open = muted.toString();
        muted.close();
        assertEquals("MutedSignals[saved, deleted]", open);
        assertEquals("MutedSignals[saved, deleted, closed]", muted.toString());
        try (MutedSignals all = MutedSignals.everywhere()) {
            assertEquals("MutedSignals[every signal]", all.toString());
        }
    }

    @Test
    void aNullSignalIsRefused() {
        assertEquals("signals[0]", assertThrows(NullPointerException.class,
                () -> MutedSignals.inThisThreadAndChildren((Signal<?>) null)).getMessage());
    }
}
