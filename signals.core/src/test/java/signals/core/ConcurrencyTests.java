package signals.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static signals.core.ConnectOption.sender;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Connecting, disconnecting and sending from several threads at once, and from inside receivers.
 * The stress test is bounded both by a number of sends and by time, so that it stays short on a
 * slow machine; it asserts what must hold however the threads interleave.
 */
class ConcurrencyTests {

    private static final int MAX_SENDS = 40_000;
    private static final long STRESS_NANOS = TimeUnit.MILLISECONDS.toNanos(1500);
    private static final long WAIT_SECONDS = 10;

    private final Signal<Integer> signal = Signal.of("busy_signal", Integer.class);
    private final ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
    private final List<Thread> threads = new ArrayList<>();

    @AfterEach
    void joinThreads() throws InterruptedException {
        for (Thread thread : threads) {
            thread.join(TimeUnit.SECONDS.toMillis(WAIT_SECONDS));
            assertFalse(thread.isAlive(), thread + " did not finish");
        }
    }

    // Java: Django serialises with a lock; here sends read snapshots while writers publish new ones
    @Test
    void concurrentConnectDisconnectAndSendLoseNothingAndCallNothingTwice() throws Exception {
        Counting always = new Counting();
        Counting alwaysForS = new Counting();
        CountingOwner owner = new CountingOwner();
        signal.connect(always);
        signal.connect(alwaysForS, sender("s"));
        signal.connectWeak(owner, CountingOwner::receive);
        Counting shared = new Counting();
        int churners = 2;
        Counting[][] own = new Counting[churners][8];
        boolean[][] connected = new boolean[churners][8];
        AtomicInteger sends = new AtomicInteger();
        AtomicInteger churns = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        CountDownLatch sendersDone = new CountDownLatch(2);

        for (int t = 0; t < churners; t++) {
            Counting[] mine = own[t];
            boolean[] state = connected[t];
            for (int i = 0; i < mine.length; i++) {
                mine[i] = new Counting();
            }
            long seed = t;
            start(() -> {
                Random random = new Random(seed);
                start.await();
                while (sendersDone.getCount() > 0) {
                    signal.connect(shared);
                    int i = random.nextInt(mine.length);
                    // Even receivers listen to every sender, odd ones to "s" only.
                    ConnectOption[] options = i % 2 == 0 ? new ConnectOption[0] : new ConnectOption[] {sender("s")};
                    if (state[i]) {
                        assertTrue(signal.disconnect(mine[i], options), "lost connection");
                    } else {
                        SignalConnection c = signal.connect(mine[i], options);
                        assertSame(mine[i], c.receiver());
                        // A duplicate connect returns a view that owns nothing: a second
                        // connection would instead disconnect here and report true.
                        assertFalse(signal.connect(mine[i], options).disconnect(), "duplicate connection");
                    }
                    state[i] = !state[i];
                    churns.incrementAndGet();
                }
            });
        }
        for (int t = 0; t < 2; t++) {
            int kind = t;
            start(() -> {
                start.await();
                long deadline = System.nanoTime() + STRESS_NANOS;
                try {
                    // The churners get going first: on a loaded machine the senders could
                    // otherwise make every send before a churner was even scheduled.
                    while (churns.get() < 50 && System.nanoTime() < deadline) {
                        Thread.yield();
                    }
                    int id;
                    while (System.nanoTime() < deadline && (id = sends.getAndIncrement()) < MAX_SENDS) {
                        String sender = id % 2 == 0 ? "s" : "other";
                        if (kind == 0) {
                            signal.fire(sender, id);
                        } else {
                            for (Reply reply : signal.sendRobust(sender, id)) {
                                assertFalse(reply.failed(), () -> "failed: " + reply);
                            }
                        }
                    }
                } finally {
                    sendersDone.countDown();
                }
            });
        }

        start.countDown();
        joinThreads();
        assertEquals(List.of(), List.copyOf(failures));

        int sent = Math.min(sends.get(), MAX_SENDS);
        assertTrue(sent > 100, "only " + sent + " sends were made");
        assertTrue(churns.get() > 100, "only " + churns + " connects and disconnects were made");
        for (int id = 0; id < sent; id++) {
            assertEquals(1, always.calls.get(id), "calls of a receiver for every sender, send " + id);
            assertEquals(id % 2 == 0 ? 1 : 0, alwaysForS.calls.get(id), "calls of a receiver for s, send " + id);
            assertEquals(1, owner.calls.get(id), "calls of a weak receiver, send " + id);
            assertTrue(shared.calls.get(id) <= 1, "shared receiver called twice in send " + id);
            for (Counting[] mine : own) {
                for (Counting receiver : mine) {
                    assertTrue(receiver.calls.get(id) <= 1, "receiver called twice in send " + id);
                }
            }
        }
        List<SignalConnection> receivers = signal.receivers();
        assertEquals(1, count(receivers, always));
        assertEquals(1, count(receivers, alwaysForS));
        assertEquals(1, count(receivers, shared));
        int expected = 4;
        for (int t = 0; t < churners; t++) {
            for (int i = 0; i < own[t].length; i++) {
                assertEquals(connected[t][i] ? 1 : 0, count(receivers, own[t][i]),
                        "connections of receiver " + i + " of thread " + t);
                expected += connected[t][i] ? 1 : 0;
            }
        }
        assertEquals(expected, receivers.size());
    }

    // Java: as in Django, the "connect once" check and the append are one atomic step
    @Test
    void sameReceiverConnectedByManyThreadsAtOnceIsConnectedOnce() throws Exception {
        int parties = 4;
        int rounds = 200;
        Counting receiver = new Counting();
        CyclicBarrier barrier = new CyclicBarrier(parties);
        SignalConnection[][] got = new SignalConnection[rounds][parties];
        CyclicBarrier roundDone = new CyclicBarrier(parties, () -> {
            // Runs in the last thread to arrive, while all others wait.
            if (signal.receivers().size() != 1) {
                failures.add(new AssertionError(signal.receivers().size() + " connections"));
            }
            signal.disconnect(receiver);
        });
        for (int p = 0; p < parties; p++) {
            int party = p;
            start(() -> {
                for (int round = 0; round < rounds; round++) {
                    barrier.await(WAIT_SECONDS, TimeUnit.SECONDS);
                    got[round][party] = signal.connect(receiver);
                    roundDone.await(WAIT_SECONDS, TimeUnit.SECONDS);
                }
            });
        }

        joinThreads();

        assertEquals(List.of(), List.copyOf(failures));
        for (SignalConnection[] round : got) {
            // Exactly one thread per round made the connection; the others got views of it.
            assertEquals(1, Arrays.stream(round).filter(c -> c instanceof Link).count());
            for (SignalConnection c : round) {
                assertSame(receiver, c.receiver());
            }
        }
        DispatcherTests.assertClean(signal);
    }

    @Test
    void receiverMaySendTheSameSignalRecursively() {
        List<Integer> depths = new ArrayList<>();
        // A receiver's signal parameter is a Signal<?>, so re-sending goes through the
        // declared constant, as it would in an application.
        signal.connect((called, sender, depth) -> {
            depths.add(depth);
            if (depth < 5) {
                signal.fire(sender, depth + 1);
            }
        });

        signal.fire("s", 0);

        assertEquals(List.of(0, 1, 2, 3, 4, 5), depths);
    }

    // Django: SignalTests.test_disconnect_in_dispatch
    // The variant for receivers other than the one running.
    @Test
    void receiverMayConnectAndDisconnectDuringASendWithoutChangingThatSend() {
        List<String> calls = new ArrayList<>();
        Receiver<Integer> late = (signal, sender, i) -> calls.add("late " + i);
        Receiver<Integer> doomed = (signal, sender, i) -> calls.add("doomed " + i);
        signal.connect((called, sender, i) -> {
            calls.add("first " + i);
            if (i == 1) {
                signal.connect(late);
                assertTrue(signal.disconnect(doomed));
            }
        });
        signal.connect(doomed);

        signal.fire("s", 1);
        signal.fire("s", 2);

        assertEquals(List.of("first 1", "doomed 1", "first 2", "late 2"), calls);
    }

    @Test
    void receiverConnectedDuringASendIsNotCalledByThatSend() {
        Counting late = new Counting();
        signal.connect((called, sender, i) -> signal.connect(late));

        assertEquals(1, signal.send("s", 0).size());
        assertEquals(0, late.calls.get(0));

        assertEquals(2, signal.send("s", 1).size());
        assertEquals(1, late.calls.get(1));
    }

    // The send holds no lock while receivers run: were it held, the other thread would block
    // and the receiver's join would time out.
    @Test
    void otherThreadsConnectDisconnectAndSendWhileAReceiverRuns() throws Exception {
        Counting other = new Counting();
        AtomicInteger finished = new AtomicInteger();
        signal.connect((called, sender, i) -> {
            if (i != 0) {
                return;
            }
            Thread helper = new Thread(() -> {
                signal.connect(other);
                signal.fire(sender, 1);
                signal.disconnect(other);
                finished.incrementAndGet();
            });
            helper.start();
            helper.join(TimeUnit.SECONDS.toMillis(WAIT_SECONDS));
        });

        signal.fire("s", 0);

        assertEquals(1, finished.get(), "the other thread was blocked during the send");
        assertEquals(1, other.calls.get(1));
        assertEquals(0, other.calls.get(0));
    }

    // ------------------------------------------------------------------------------ helpers

    private void start(Task task) {
        Thread thread = new Thread(() -> {
            try {
                task.run();
            } catch (Throwable e) {
                failures.add(e);
            }
        }, "concurrency-" + threads.size());
        thread.setDaemon(true);
        threads.add(thread);
        thread.start();
    }

    private static int count(List<SignalConnection> connections, Object receiver) {
        int n = 0;
        for (SignalConnection c : connections) {
            if (c.receiver() == receiver) {
                n++;
            }
        }
        return n;
    }

    // ----------------------------------------------------------------------------- fixtures

    /** Work for a test thread, which may throw anything. */
    @FunctionalInterface
    interface Task {
        void run() throws Exception;
    }

    /** Counts its calls per send; the payload is the send's number. */
    static final class Counting implements Receiver<Integer> {
        final AtomicIntegerArray calls = new AtomicIntegerArray(MAX_SENDS);

        @Override
        public void receive(Signal<?> signal, Object sender, Integer id) {
            calls.incrementAndGet(id);
        }
    }

    /** The weak counterpart of {@link Counting}. */
    static final class CountingOwner {
        final AtomicIntegerArray calls = new AtomicIntegerArray(MAX_SENDS);

        void receive(Signal<?> signal, Object sender, Integer id) {
            calls.incrementAndGet(id);
        }
    }
}
