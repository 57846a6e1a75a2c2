package signals.relay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import signals.core.Inventory;
import signals.core.Kwargs;
import signals.core.Signal;
import signals.core.SignalConnection;
import signals.core.Signals;
import signals.relay.spi.WireMessage;

/**
 * The relay's machinery over {@link LoopTransport}: two relays in one JVM stand for two
 * instances, each relaying its own signal object of the same name.
 */
@Timeout(value = 1, unit = TimeUnit.MINUTES)
class RelayTests {

    private final Signal<Kwargs> pingA = Signal.withArguments("ping", "n");
    private final Signal<Kwargs> pingB = Signal.withArguments("ping", "n");
    private final LoopTransport loop = new LoopTransport();
    private final List<String> heardByB = Collections.synchronizedList(new ArrayList<>());
    private final List<String> logged = Collections.synchronizedList(new ArrayList<>());
    private final List<AutoCloseable> toClose = new ArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            logged.add(record.getLevel() + " " + record.getMessage());
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void listen() {
        Logger.getLogger("signals.relay").addHandler(capture);
        toClose.add(pingB.connect((signal, sender, ping) -> heardByB.add(sender + " " + ping)));
    }

    @AfterEach
    void closeAll() throws Exception {
        Logger.getLogger("signals.relay").removeHandler(capture);
        Collections.reverse(toClose);
        for (AutoCloseable closeable : toClose) {
            closeable.close();
        }
        assertEquals(List.of(), Relay.running(), "a test left a relay running");
    }

    @Test
    void aSendReachesTheOtherInstanceOnceWithItsOriginAndIsNeverEchoed() throws Exception {
        Relay a = start("a", pingA);
        Relay b = start("b", pingB);
        pingA.send("seven", Kwargs.of("n", 1));
        await(() -> b.state().received() == 1, b::toString);
        assertEquals(1, heardByB.size());
        assertTrue(heardByB.get(0).matches("Remote\\[instanceId=a, sender=seven, id=a-[0-9a-z]+-1, sentAt=.*\\] \\{'n': 1\\}"),
                heardByB.get(0));
        await(() -> a.state().behind() == 0 && b.state().behind() == 0, () -> a + " " + b);
        assertEquals(1, loop.size(), "b did not relay the remote send again");
        assertEquals(new RelayState(1, 0, 0, 0, 0, 0, 0), a.state());
        assertEquals(new RelayState(0, 0, 0, 1, 0, 0, 0), b.state());
        assertEquals(List.of(pingA), a.signals());
        assertEquals("shop", a.application());
        assertEquals("a", a.instanceId());
        assertEquals(List.of(a, b), Relay.running());
    }

    @Test
    void eachInstancesSendsArriveInOrder() throws Exception {
        start("a", pingA);
        Relay b = start("b", pingB);
        for (int i = 1; i <= 1_000; i++) {
            pingA.send("s", Kwargs.of("n", i));
        }
        await(() -> b.state().received() == 1_000, b::toString);
        for (int i = 0; i < 1_000; i++) {
            assertTrue(heardByB.get(i).endsWith("{'n': " + (i + 1) + "}"), heardByB.get(i));
        }
    }

    @Test
    void aRedeliveryIsDroppedAndCounted() throws Exception {
        Relay a = start("a", pingA);
        Relay b = start("b", pingB);
        pingA.send("s", Kwargs.of("n", 1));
        await(() -> b.state().received() == 1, b::toString);
        loop.inject(loop.log.get(0));
        await(() -> b.state().duplicates() == 1, b::toString);
        assertEquals(1, heardByB.size());
        assertEquals(1, a.state().relayed());
    }

    @Test
    void remoteOnlyReceiversHearRemoteSendsOnlyWithTheRemoteAsSender() throws Exception {
        List<Remote> remotes = Collections.synchronizedList(new ArrayList<>());
        toClose.add(pingB.connect(Remote.only((signal, remote, ping) -> {
            assertSame(pingB, signal);
            remotes.add(remote);
        })));
        start("a", pingA);
        Relay b = start("b", pingB);
        pingB.send("local", Kwargs.of("n", 1));
        pingA.send("far", Kwargs.of("n", 2));
        await(() -> b.state().received() == 1, b::toString);
        assertEquals(1, remotes.size());
        assertEquals("a", remotes.get(0).instanceId());
        assertEquals("far", remotes.get(0).sender());
        assertThrows(NullPointerException.class, () -> Remote.only(null));
    }

    @Test
    void aFailingPublishIsRetriedUntilTheBrokerTakesItInOrder() throws Exception {
        Relay a = start("a", pingA);
        Relay b = start("b", pingB);
        loop.failures.set(3);
        pingA.send("s", Kwargs.of("n", 1));
        pingA.send("s", Kwargs.of("n", 2));
        await(() -> b.state().received() == 2, b::toString);
        assertTrue(heardByB.get(0).endsWith("{'n': 1}") && heardByB.get(1).endsWith("{'n': 2}"), heardByB::toString);
        await(() -> a.state().relayed() == 2, a::toString);
        assertEquals(1, logged.stream().filter(line -> line.startsWith("WARNING relay shop/a cannot publish to loop"
                + " (java.io.IOException: the loop is down); retrying until it can")).count(), logged::toString);
        await(() -> logged.contains("INFO relay shop/a publishes to loop again"), logged::toString);
    }

    @Test
    void aSendWithNothingWaitingIsHandedToTheBrokerOnTheSendingThread() throws Exception {
        loop.direct = LoopTransport.Direct.STORE;
        Relay a = start("a", pingA);
        Relay b = start("b", pingB);
        String me = Thread.currentThread().getName();
        for (int n = 1; n <= 3; n++) {
            pingA.send("s", Kwargs.of("n", n));
            assertEquals(n, loop.size(), "stored before the send returned");
        }
        // Each confirmed at once, and counted as soon as anyone looks.
        assertEquals(3, a.state().relayed(), a::toString);
        assertEquals(0, a.state().waiting(), a::toString);
        assertEquals(List.of(me + " " + idOf(0), me + " " + idOf(1), me + " " + idOf(2)), loop.handedOver);
        assertEquals(List.of(), loop.publishers);
        await(() -> b.state().received() == 3, b::toString);
        assertEquals(List.of("{'n': 1}", "{'n': 2}", "{'n': 3}"), heardByB.stream()
                .map(line -> line.substring(line.indexOf('{'))).toList());
    }

    @Test
    void aHandedOverSendTheBrokerLostIsPublishedAgainBeforeTheSendsAfterIt() throws Exception {
        loop.direct = LoopTransport.Direct.LOSE;
        Relay a = start("a", pingA);
        Relay b = start("b", pingB);
        pingA.send("s", Kwargs.of("n", 1));
        loop.direct = LoopTransport.Direct.NONE;
        pingA.send("s", Kwargs.of("n", 2));
        pingA.send("s", Kwargs.of("n", 3));
        await(() -> b.state().received() == 3, b::toString);
        assertEquals(List.of("{'n': 1}", "{'n': 2}", "{'n': 3}"), heardByB.stream()
                .map(line -> line.substring(line.indexOf('{'))).toList());
        assertEquals(1, loop.handedOver.size(), loop.handedOver::toString);
        // Counted when publish returns, which may be after b has heard the last one.
        await(() -> a.state().relayed() == 3, a::toString);
        assertEquals(0, a.state().dropped(), a::toString);
        assertEquals(3, loop.size());
        assertTrue(loop.publishers.stream().allMatch(name -> name.equals("signals-relay-publish relay shop/a")),
                loop.publishers::toString);
    }

    @Test
    void aSendTheTransportCannotTakeNowIsQueued() throws Exception {
        loop.direct = LoopTransport.Direct.THROW;
        Relay a = start("a", pingA);
        Relay b = start("b", pingB);
        pingA.send("s", Kwargs.of("n", 1));
        pingA.send("s", Kwargs.of("n", 2));
        await(() -> b.state().received() == 2, b::toString);
        await(() -> a.state().relayed() == 2, a::toString);
        assertEquals(List.of(), loop.handedOver);
        assertFalse(loop.publishers.isEmpty());
        assertTrue(logged.stream().noneMatch(line -> line.startsWith("WARNING")), logged::toString);
    }

    @Test
    void aHandedOverSendIsWaitingUntilConfirmedAndDroppedWhenCloseCannotWait() throws Exception {
        loop.direct = LoopTransport.Direct.LATER;
        Relay.Builder builder = builder("a", pingA);
        builder.drainMillis = 100;
        Relay a = builder.start();
        pingA.send("s", Kwargs.of("n", 1));
        Thread.sleep(2 * Outgoing.IDLE_MILLIS); // the publishing thread has taken it over by now
        assertEquals(1, a.state().waiting(), a::toString);
        assertEquals(0, a.state().relayed(), a::toString);
        a.close();
        assertEquals(1, a.state().dropped(), a::toString);
        assertEquals(0, a.state().waiting(), a::toString);
        assertFalse(threadAlive("signals-relay-publish relay shop/a"));
    }

    @Test
    void aHandedOverSendConfirmedLateIsCountedOnce() throws Exception {
        loop.direct = LoopTransport.Direct.LATER;
        Relay a = start("a", pingA);
        pingA.send("s", Kwargs.of("n", 1));
        pingA.send("s", Kwargs.of("n", 2)); // waits behind the first
        assertEquals(2, a.state().waiting(), a::toString);
        loop.pending.complete(null);
        await(() -> a.state().relayed() == 2 && a.state().waiting() == 0, a::toString);
        assertEquals(2, loop.size());
        assertEquals(1, loop.handedOver.size(), loop.handedOver::toString);
        a.close();
        assertEquals(0, a.state().dropped(), a::toString);
    }

    @Test
    void aHandedOverSendIsDroppedWhenTheRelayClosesAtOnce() throws Exception {
        loop.direct = LoopTransport.Direct.LATER;
        Relay.Builder builder = builder("a", pingA);
        builder.drainMillis = 50;
        Relay a = builder.start();
        pingA.send("s", Kwargs.of("n", 1));
        a.close();
        RelayState state = a.state();
        assertEquals(1, state.dropped(), state.toString());
        assertEquals(0, state.relayed(), state.toString());
    }

    @Test
    void theAnswersToABatchOfRemoteSendsLeaveInOnePublishAfterIt() throws Exception {
        loop.batchOf = 3;
        loop.direct = LoopTransport.Direct.STORE;
        Signal<Kwargs> answerB = Signal.withArguments("answer", "n");
        start("a", pingA);
        Relay b = answering(answerB, 60_000);
        toClose.add(pingB.connect(Remote.only((signal, remote, ping) -> answerB.send("b", ping))));
        for (int n = 1; n <= 3; n++) {
            pingA.send("s", Kwargs.of("n", n));
        }
        await(() -> b.state().relayed() == 3, b::toString);
        assertEquals(List.of("3"), publishedBy("b"), "after the batch, together");
        assertTrue(loop.handedOver.stream().allMatch(line -> line.startsWith(Thread.currentThread().getName() + " ")),
                () -> "an answer was handed over alone: " + loop.handedOver);
    }

    @Test
    void heldAnswersLeaveWhenTheHoldRunsOutThoughTheBatchGoesOn() throws Exception {
        loop.batchOf = 3;
        Signal<Kwargs> answerB = Signal.withArguments("answer", "n");
        start("a", pingA);
        Relay b = answering(answerB, 50);
        List<String> seenDuringTheBatch = Collections.synchronizedList(new ArrayList<>());
        toClose.add(pingB.connect(Remote.only((signal, remote, ping) -> {
            answerB.send("b", ping);
            if (ping.get("n", Integer.class) == 1) {
                awaitQuietly(() -> !publishedBy("b").isEmpty());
                seenDuringTheBatch.addAll(publishedBy("b"));
            }
        })));
        for (int n = 1; n <= 3; n++) {
            pingA.send("s", Kwargs.of("n", n));
        }
        await(() -> b.state().relayed() == 3, b::toString);
        assertEquals(List.of("1"), seenDuringTheBatch, "the first answer left while its batch was delivered");
        // Once the hold has run out, the rest of the batch's answers go as they come.
        assertEquals(3, publishedBy("b").stream().mapToInt(Integer::parseInt).sum(), () -> publishedBy("b").toString());
    }

    @Test
    void onlySendsQueuedAfterAHeldAnswerWaitForTheEndOfTheBatch() throws Exception {
        loop.batchOf = 2;
        Signal<Kwargs> answerB = Signal.withArguments("answer", "n");
        start("a", pingA);
        Relay b = answering(answerB, 60_000);
        CountDownLatch first = new CountDownLatch(1);
        CountDownLatch second = new CountDownLatch(1);
        toClose.add(pingB.connect(Remote.only((signal, remote, ping) -> {
            if (ping.get("n", Integer.class) == 1) {
                awaitQuietly(() -> first.getCount() == 0); // sends nothing: holds nothing back
            } else {
                answerB.send("b", ping);
                awaitQuietly(() -> second.getCount() == 0);
            }
        })));
        pingA.send("s", Kwargs.of("n", 1));
        pingA.send("s", Kwargs.of("n", 2));
        await(() -> b.state().received() == 0 && loop.size() == 2, b::toString);
        pingB.send("t", Kwargs.of("n", 10)); // another thread, while the batch is delivered
        await(() -> publishedBy("b").equals(List.of("1")), () -> "b published " + publishedBy("b"));
        first.countDown();
        await(() -> b.state().waiting() == 1, b::toString); // the answer to 2, held
        pingB.send("t", Kwargs.of("n", 11)); // queued after it: waits too
        Thread.sleep(200);
        assertEquals(List.of("1"), publishedBy("b"));
        assertEquals(2, b.state().waiting(), b::toString);
        second.countDown();
        await(() -> b.state().relayed() == 3, b::toString);
        assertEquals(List.of("1", "2"), publishedBy("b"));
    }

    @Test
    void aFullBatchOfHeldAnswersLeavesWithoutWaitingForTheRest() throws Exception {
        int count = Outgoing.BATCH + 1;
        loop.batchOf = count;
        Signal<Kwargs> answerB = Signal.withArguments("answer", "n");
        start("a", pingA);
        Relay b = answering(answerB, 60_000);
        List<String> seenBeforeTheLast = Collections.synchronizedList(new ArrayList<>());
        toClose.add(pingB.connect(Remote.only((signal, remote, ping) -> {
            if (ping.get("n", Integer.class) == count) {
                awaitQuietly(() -> !publishedBy("b").isEmpty());
                seenBeforeTheLast.addAll(publishedBy("b"));
            }
            answerB.send("b", ping);
        })));
        for (int n = 1; n <= count; n++) {
            pingA.send("s", Kwargs.of("n", n));
        }
        await(() -> b.state().relayed() == count, b::toString);
        assertEquals(List.of(String.valueOf(Outgoing.BATCH)), seenBeforeTheLast, "a full batch left at once");
        assertEquals(List.of(String.valueOf(Outgoing.BATCH), "1"), publishedBy("b"));
    }

    /** Instance b, relaying pings and its answers, whose answers to a batch wait up to holdMillis. */
    private Relay answering(Signal<Kwargs> answer, long holdMillis) {
        Relay.Builder builder = builder("b", pingB).relay(answer, RelayCodec.kwargs());
        builder.holdMillis = holdMillis;
        Relay relay = builder.start();
        toClose.add(relay);
        return relay;
    }

    /** The sizes of the batches an instance's publishing thread published, in order. */
    private List<String> publishedBy(String instance) {
        String thread = "signals-relay-publish relay shop/" + instance + " ";
        synchronized (loop.published) {
            return loop.published.stream().filter(line -> line.startsWith(thread))
                    .map(line -> line.substring(thread.length())).toList();
        }
    }

    /** For a receiver: waits up to ten seconds, without throwing. */
    private static void awaitQuietly(BooleanSupplier condition) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private String idOf(int index) {
        synchronized (loop) {
            return loop.log.get(index).id();
        }
    }

    @Test
    void aPayloadTheCodecCannotWriteFailsTheSendNamingTheSignal() throws Exception {
        Relay a = start("a", pingA);
        IllegalArgumentException failure = assertThrows(IllegalArgumentException.class,
                () -> pingA.send("s", Kwargs.of("n", Instant.EPOCH)));
        assertTrue(failure.getMessage().startsWith("signal 'ping' was not relayed by relay shop/a: its codec failed:"
                + " argument 'n' is a java.time.Instant"), failure.getMessage());
        assertEquals(1, a.state().dropped());
        Signal<String> nulls = Signal.of("nulls", String.class);
        Relay c = Relay.builder("other").instanceId("c").relay(nulls, new NullCodec()).transport(loop).start();
        toClose.add(c);
        assertEquals("signal 'nulls' was not relayed by relay other/c: its codec failed: null codec returned null",
                assertThrows(IllegalArgumentException.class, () -> nulls.send("s", "x")).getMessage());
        assertEquals(0, loop.size());
    }

    @Test
    void aMessageOverTheBrokersLimitFailsTheSendNamingTheSignal() throws Exception {
        Relay a = start("a", pingA);
        loop.limit = 0;
        Relay big = Relay.builder("big").instanceId("a").relay(Signal.of("big", String.class), new Utf8())
                .transport(loop).start();
        toClose.add(big);
        Signal<?> signal = big.signals().get(0);
        @SuppressWarnings("unchecked")
        Signal<String> bigSignal = (Signal<String>) signal;
        IllegalArgumentException failure = assertThrows(IllegalArgumentException.class,
                () -> bigSignal.send("s", "four"));
        assertTrue(failure.getMessage().matches("signal 'big' was not relayed: its message is \\d+ bytes \\(4 of"
                + " payload\\), over the limit of 0 bytes of loop"), failure.getMessage());
        assertEquals(1, big.state().dropped());
        assertEquals(0, a.state().dropped());
    }

    @Test
    void aMessageOfExactlyTheLimitIsRelayed() throws Exception {
        Relay a = start("a", pingA);
        pingA.send("s", Kwargs.of("n", 1));
        await(() -> a.state().relayed() == 1, a::toString);
        int size = loop.log.get(0).size();
        a.close();
        loop.limit = size;
        Relay again = start("a", pingA);
        pingA.send("s", Kwargs.of("n", 2)); // the same size: same instance, same sequence number's length
        await(() -> again.state().relayed() == 1, again::toString);
        assertEquals(size, loop.log.get(1).size());
        Relay b = start("b", pingB); // reads the log from its start, with the same limit
        await(() -> b.state().received() + b.state().skipped() == 2, b::toString);
        assertEquals(2, b.state().received(), "a message of exactly the limit is taken on receipt too");
        b.close();
        again.close();
        loop.limit = size - 1;
        Relay under = start("a", pingA);
        assertThrows(IllegalArgumentException.class, () -> pingA.send("s", Kwargs.of("n", 3)));
        assertEquals(1, under.state().dropped());
    }

    @Test
    void whenTheQueueStaysFullASendIsDroppedAndFails() throws Exception {
        loop.gate = new CountDownLatch(1);
        Relay.Builder builder = builder("a", pingA).maxWaiting(1);
        builder.fullWaitMillis = 50;
        Relay a = builder.start();
        toClose.add(a);
        pingA.send("s", Kwargs.of("n", 1)); // taken by the publisher, which waits at the gate
        await(() -> a.state().waiting() == 1 && loop.size() == 0, a::toString);
        Thread.sleep(150); // the publisher took it from the queue
        pingA.send("s", Kwargs.of("n", 2)); // fills the queue
        long before = System.nanoTime();
        IllegalStateException failure = assertThrows(IllegalStateException.class,
                () -> pingA.send("s", Kwargs.of("n", 3)));
        long waited = System.nanoTime() - before;
        assertTrue(waited >= TimeUnit.MILLISECONDS.toNanos(50), () -> "it waited for room first, not " + waited + " ns");
        assertEquals("signal 'ping' was not relayed: 1 sends of relay shop/a are waiting for loop, which has not"
                + " confirmed any for 50 ms", failure.getMessage());
        assertEquals(new RelayState(0, 2, 1, 0, 0, 0, -1), a.state());
        loop.gate.countDown();
        await(() -> a.state().relayed() == 2, a::toString);
        assertEquals(0, a.state().waiting());
    }

    @Test
    void closePublishesWhatIsQueuedAndLeavesNoThread() throws Exception {
        Relay b = start("b", pingB);
        loop.gate = new CountDownLatch(1);
        Relay a = builder("a", pingA).start();
        for (int i = 1; i <= 5; i++) {
            pingA.send("s", Kwargs.of("n", i));
        }
        new Thread(() -> {
            sleep(200);
            loop.gate.countDown();
        }).start();
        assertTrue(threadOf("signals-relay-publish relay shop/a").isDaemon(), "it never keeps a JVM from exiting");
        a.close();
        assertEquals(5, a.state().relayed());
        assertEquals(0, a.state().dropped());
        assertTrue(logged.stream().noneMatch(line -> line.contains("closed with")), logged::toString);
        assertFalse(threadAlive("signals-relay-publish relay shop/a"));
        assertFalse(Relay.running().contains(a));
        a.close();
        pingA.send("s", Kwargs.of("n", 6)); // the relay's receiver is gone
        await(() -> b.state().received() == 5, b::toString);
        assertEquals(5, loop.size());
    }

    @Test
    void whatTheBrokerDoesNotConfirmWithinTheDrainTimeIsDroppedAtClose() throws Exception {
        loop.gate = new CountDownLatch(1);
        Relay.Builder builder = builder("a", pingA);
        builder.drainMillis = 100;
        Relay a = builder.start();
        for (int i = 1; i <= 3; i++) {
            pingA.send("s", Kwargs.of("n", i));
        }
        await(() -> a.state().waiting() == 3, a::toString);
        Thread.sleep(150); // the publisher holds what it took at the gate
        pingA.send("s", Kwargs.of("n", 4));
        a.close();
        loop.gate.countDown();
        RelayState state = a.state();
        assertEquals(4, state.dropped(), state.toString());
        assertEquals(0, state.waiting(), state.toString());
        assertFalse(threadAlive("signals-relay-publish relay shop/a"));
        // How many of the four the publisher had taken from the queue depends on when it polled.
        assertTrue(logged.stream().anyMatch(line -> line.matches("WARNING relay shop/a closed with [1-3] sends not"
                + " relayed: loop did not confirm them within 100 ms")), logged::toString);
    }

    @Test
    void aSendAfterCloseThroughTheQueueFailsNamingTheRelay() throws Exception {
        Relay a = start("a", pingA);
        WireMessage message = Wire.write("ping", new Remote("a", "s", "a-1", Instant.EPOCH), new byte[0]);
        a.close();
        Outgoing closed = new Outgoing(a, loop.open(new Incoming(a, Map.of())), 1, 10, Outgoing.HOLD_MILLIS);
        closed.close(10);
        assertEquals("signal 'ping' was not relayed: relay shop/a is closed",
                assertThrows(IllegalStateException.class, () -> closed.queue("ping", message)).getMessage());
    }

    @Test
    void malformedMessagesAreLoggedCountedAndSkippedAndTheRestStillArrives() throws Exception {
        Relay b = start("b", pingB);
        Remote other = new Remote("z", "hand", "z-1", Instant.EPOCH);
        loop.inject(WireMessage.of(Map.of("Signals-Id", "z-0"), new byte[0]));
        loop.inject(Wire.write("unknown", other, new byte[0]));
        loop.inject(Wire.write("ping", new Remote("z", "hand", "z-2", Instant.EPOCH), new byte[] {9}));
        loop.inject(Wire.write("ping", new Remote("z", "hand", "z-3", Instant.EPOCH),
                RelayCodec.kwargs().encode(Kwargs.of("m", 1))));
        loop.inject(Wire.write("ping", new Remote("b", "hand", "b-1", Instant.EPOCH),
                RelayCodec.kwargs().encode(Kwargs.of("n", 1))));
        loop.inject(Wire.write("ping", new Remote("z", "hand", "z-4", Instant.EPOCH), new byte[2_000]));
        loop.inject(Wire.write("ping", new Remote("z", "hand", "z-5", Instant.EPOCH),
                RelayCodec.kwargs().encode(Kwargs.of("n", 5))));
        await(() -> b.state().received() == 1, b::toString);
        assertEquals(List.of("Remote[instanceId=z, sender=hand, id=z-5, sentAt=1970-01-01T00:00:00Z] {'n': 5}"), heardByB);
        assertEquals(5, b.state().skipped());
        assertEquals(List.of(
                "WARNING relay shop/b skipped message z-0: no Signals-Version header: not a message of a signals relay",
                "WARNING relay shop/b skipped message z-1 from instance z: signal 'unknown' is not relayed by this"
                        + " instance (it relays [ping])",
                "WARNING relay shop/b skipped message z-2 from instance z: the codec of signal 'ping' cannot read its"
                        + " 1 bytes: kwargs format 9 is not known; this codec reads format 1",
                "WARNING relay shop/b skipped message z-3 from instance z: its payload does not fit signal 'ping':"
                        + " signal 'ping' has no argument 'm'; it declares [n]",
                "WARNING relay shop/b skipped message z-4 from instance z: it is 2157 bytes, over the limit of 1000"),
                logged);
    }

    @Test
    void aFailureOfTheRelayItselfSkipsTheMessage() throws Exception {
        Relay b = start("b", pingB);
        Incoming incoming = new Incoming(b, Map.of("ping", new Binding<>(pingB, new ThrowingCodec())));
        incoming.deliver(Wire.write("ping", new Remote("z", "hand", "z-1", Instant.EPOCH), new byte[0]));
        assertEquals(1, incoming.skipped.get());
        assertEquals(List.of("WARNING relay shop/b skipped message z-1 from instance z: it could not be delivered:"
                + " java.lang.StackOverflowError: deep"), logged);
        assertEquals(b.application(), incoming.application());
        assertEquals(b.instanceId(), incoming.instanceId());
        assertEquals(Duration.ofHours(1), incoming.retention());
    }

    @Test
    void theInventoryShowsEveryRunningRelay() throws Exception {
        assertEquals("Relay: no relay running", relayHost());
        Relay a = start("a", pingA);
        start("b", pingB);
        pingA.send("s", Kwargs.of("n", 1));
        await(() -> a.state().relayed() == 1, a::toString);
        String host = relayHost();
        assertTrue(host.startsWith("Relay: relay shop/a over loop, signals [ping]: relayed 1, waiting 0, dropped 0,"
                + " received 0, duplicates 0, skipped 0, behind "), host);
        assertTrue(host.contains("; relay shop/b over loop, signals [ping]: "), host);
    }

    @Test
    void theBuilderChecksWhatItIsGiven() {
        assertEquals("application name 'a b' must be 1 to 64 letters, digits, '-' or '_'",
                assertThrows(IllegalArgumentException.class, () -> Relay.builder("a b")).getMessage());
        assertThrows(IllegalArgumentException.class, () -> Relay.builder(""));
        assertThrows(IllegalArgumentException.class, () -> Relay.builder("x".repeat(65)));
        Relay.builder("x".repeat(64)).instanceId("A-z_0");
        assertEquals("application name", assertThrows(NullPointerException.class, () -> Relay.builder(null)).getMessage());
        Relay.Builder builder = Relay.builder("shop");
        assertEquals("instance id 'a.b' must be 1 to 64 letters, digits, '-' or '_'",
                assertThrows(IllegalArgumentException.class, () -> builder.instanceId("a.b")).getMessage());
        assertThrows(NullPointerException.class, () -> builder.instanceId(null));
        assertThrows(NullPointerException.class, () -> builder.relay(null, RelayCodec.kwargs()));
        assertEquals("signal 'ping' needs a codec: RelayCodec.kwargs() for Kwargs payloads, RelayCodec.none() for none,"
                + " or one of your own", assertThrows(NullPointerException.class, () -> builder.relay(pingA, null))
                .getMessage());
        builder.relay(pingA, RelayCodec.kwargs());
        assertEquals("signal 'ping' is relayed already: relayed signals are told apart by name",
                assertThrows(IllegalArgumentException.class, () -> builder.relay(pingB, RelayCodec.kwargs())).getMessage());
        assertEquals("retention must be positive, not PT0S",
                assertThrows(IllegalArgumentException.class, () -> builder.retention(Duration.ZERO)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> builder.retention(Duration.ofSeconds(-1)));
        assertThrows(NullPointerException.class, () -> builder.retention(null));
        assertEquals("maxWaiting must be positive, not 0",
                assertThrows(IllegalArgumentException.class, () -> builder.maxWaiting(0)).getMessage());
        builder.maxWaiting(1);
        assertThrows(NullPointerException.class, () -> builder.transport(null));
        assertEquals("relay of 'shop' has no instance id: give each instance an id that stays the same across its"
                + " restarts (see Relay, \"Instance ids\")",
                assertThrows(IllegalStateException.class, builder::start).getMessage());
        assertEquals("relay shop/a relays no signal: add one with relay(signal, codec)",
                assertThrows(IllegalStateException.class, () -> Relay.builder("shop").instanceId("a").start())
                        .getMessage());
    }

    @Test
    void aSendInATransactionTheTransportWritesIsCountedAtTheCommitAndNeverQueued() throws Exception {
        Assumptions.assumeFalse(RelayTests.class.getModule().isNamed(), "the test resources register the"
                + " transactions by hand with a service file, which counts on the class path only");
        loop.outbox = true;
        Relay a = start("a", pingA);
        LoopTransactions.Tx tx = LoopTransactions.begin();
        pingA.send("s", Kwargs.of("n", 1));
        assertEquals(1, loop.inTransaction.size(), "written during the send");
        assertEquals(new RelayState(0, 0, 0, 0, 0, 0, 0), withoutBehind(a.state()), "neither relayed nor waiting yet");
        tx.commit();
        assertEquals(1, a.state().relayed(), "relayed at the commit");
        LoopTransactions.Tx rolledBack = LoopTransactions.begin();
        pingA.send("s", Kwargs.of("n", 2));
        rolledBack.rollback();
        assertEquals(2, loop.inTransaction.size());
        assertEquals(1, a.state().relayed(), "a rolled-back send is not counted");
        assertEquals(0, a.state().waiting());
        assertEquals(List.of(), loop.publishers, "nothing went through the queue");
    }

    @Test
    void aSendInATransactionTheTransportDoesNotWriteIsQueuedAfterTheCommit() throws Exception {
        Assumptions.assumeFalse(RelayTests.class.getModule().isNamed(), "the test resources register the"
                + " transactions by hand with a service file, which counts on the class path only");
        Relay a = start("a", pingA);
        LoopTransactions.Tx tx = LoopTransactions.begin();
        pingA.send("s", Kwargs.of("n", 1));
        Thread.sleep(2 * Outgoing.IDLE_MILLIS);
        assertEquals(0, loop.size(), "nothing leaves before the commit");
        assertEquals(0, a.state().waiting());
        tx.commit();
        await(() -> a.state().relayed() == 1, a::toString);
        assertEquals(1, loop.size());
        assertEquals(List.of(), loop.inTransaction);
    }

    private static RelayState withoutBehind(RelayState state) {
        return new RelayState(state.relayed(), state.waiting(), state.dropped(), state.received(), state.duplicates(),
                state.skipped(), 0);
    }

    @Test
    void aBatchOfOneOrBeforeTheRelayRunsIsDeliveredAsAlways() throws Exception {
        Relay b = start("b", pingB);
        Incoming incoming = new Incoming(b, Map.of("ping", new Binding<>(pingB, RelayCodec.kwargs())));
        incoming.deliverAll(List.of(Wire.write("ping", new Remote("x", "s", "x-1", Instant.EPOCH),
                RelayCodec.kwargs().encode(Kwargs.of("n", 1)))));
        incoming.deliverAll(List.of(Wire.write("ping", new Remote("x", "s", "x-2", Instant.EPOCH),
                RelayCodec.kwargs().encode(Kwargs.of("n", 2))), Wire.write("ping", new Remote("x", "s", "x-3",
                Instant.EPOCH), RelayCodec.kwargs().encode(Kwargs.of("n", 3)))));
        assertEquals(3, incoming.received.get(), "one alone, then two before the relay's sending half is there");
        assertEquals(List.of("{'n': 1}", "{'n': 2}", "{'n': 3}"), heardByB.stream()
                .map(line -> line.substring(line.indexOf('{'))).toList());
    }

    @Test
    void oneInstanceRunsOneRelayPerJvm() throws Exception {
        Relay a = start("a", pingA);
        Signal<Kwargs> again = Signal.withArguments("ping", "n");
        assertEquals("relay shop/a is running already in this JVM: close it first, or give this instance an id of"
                + " its own", assertThrows(IllegalStateException.class, () -> builder("a", again).start()).getMessage());
        assertEquals(1, loop.opened.get(), "no second session was opened");
        assertEquals(List.of(a), Relay.running());
        a.close();
        start("a", again); // once closed, the instance may start again
        loop.refuse = true;
        assertThrows(UncheckedIOException.class, () -> builder("b", pingB).start());
        loop.refuse = false;
        start("b", pingB); // a start that failed leaves the instance free
        assertEquals(2, Relay.running().size());
    }

    @Test
    void withoutATransportInstalledStartSaysWhatToAdd() {
        assertEquals("no relay transport is installed: add a transport module such as signals-relay-nats, or pass one"
                + " to Relay.Builder.transport", assertThrows(IllegalStateException.class,
                        () -> Relay.builder("shop").instanceId("a").relay(pingA, RelayCodec.kwargs()).start())
                .getMessage());
    }

    @Test
    void aBrokerThatRefusesFailsTheStartNamingIt() {
        loop.refuse = true;
        UncheckedIOException failure = assertThrows(UncheckedIOException.class, () -> start("a", pingA));
        assertEquals("relay shop/a cannot start: loop: refused by the loop", failure.getMessage());
        assertTrue(pingA.receivers().isEmpty());
    }

    @Test
    void theRetentionGoesToTheTransport() throws Exception {
        Relay a = builder("a", pingA).retention(Duration.ofMinutes(5)).start();
        toClose.add(a);
        assertEquals(Duration.ofMinutes(5), a.retention());
        assertEquals(1, loop.opened.get());
    }

    @Test
    void theRelaysReceiverIsNamedInTheInventory() throws Exception {
        start("a", pingA);
        SignalConnection connection = pingA.receivers().get(0);
        assertEquals("relay shop/a", connection.name().orElseThrow());
    }

    @Test
    void stateReadsForPeople() {
        assertEquals("relayed 1, waiting 2, dropped 3, received 4, duplicates 5, skipped 6, behind unknown",
                new RelayState(1, 2, 3, 4, 5, 6, -1).toString());
        assertEquals("relayed 0, waiting 0, dropped 0, received 0, duplicates 0, skipped 0, behind 7",
                new RelayState(0, 0, 0, 0, 0, 0, 7).toString());
        assertTrue(new RelayState(0, 0, 0, 0, 0, 0, 0).toString().endsWith("behind 0"));
    }

    @Test
    void aRemoteNeedsEveryPart() {
        assertThrows(NullPointerException.class, () -> new Remote(null, "s", "i", Instant.EPOCH));
        assertThrows(NullPointerException.class, () -> new Remote("a", null, "i", Instant.EPOCH));
        assertThrows(NullPointerException.class, () -> new Remote("a", "s", null, Instant.EPOCH));
        assertThrows(NullPointerException.class, () -> new Remote("a", "s", "i", null));
    }

    private Relay start(String instance, Signal<Kwargs> signal) {
        Relay relay = builder(instance, signal).start();
        toClose.add(relay);
        return relay;
    }

    private Relay.Builder builder(String instance, Signal<Kwargs> signal) {
        return Relay.builder("shop").instanceId(instance).relay(signal, RelayCodec.kwargs()).transport(loop);
    }

    static String relayHost() {
        return Signals.inventory().adapters().stream()
                .filter(adapter -> adapter.type().startsWith("signals.relay.internal.RelayAdapter"))
                .map(Inventory.Adapter::host).findFirst().orElseThrow();
    }

    static Thread threadOf(String name) {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no thread " + name));
    }

    static boolean threadAlive(String name) {
        return Thread.getAllStackTraces().keySet().stream().anyMatch(t -> t.getName().equals(name) && t.isAlive());
    }

    static void await(BooleanSupplier condition, Supplier<String> what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, what);
            Thread.sleep(5);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static final class Utf8 implements RelayCodec<String> {
        @Override
        public byte[] encode(String payload) {
            return payload.getBytes(StandardCharsets.UTF_8);
        }

        @Override
        public String decode(byte[] bytes) {
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    static final class NullCodec implements RelayCodec<String> {
        @Override
        public byte[] encode(String payload) {
            return null;
        }

        @Override
        public String decode(byte[] bytes) {
            return null;
        }

        @Override
        public String toString() {
            return "null codec";
        }
    }

    static final class ThrowingCodec implements RelayCodec<Kwargs> {
        @Override
        public byte[] encode(Kwargs payload) {
            return new byte[0];
        }

        @Override
        public Kwargs decode(byte[] bytes) throws IOException {
            throw new StackOverflowError("deep");
        }
    }
}
