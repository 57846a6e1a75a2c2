package signals.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import signals.core.Signal;
import signals.core.SignalBinding;
import signals.core.SignalConnection;

class TestReceiversTests {

    static final Signal<String> SAVED = Signal.of("saved", String.class);
    static final Signal<String> DELETED = Signal.of("deleted", String.class);

    static final List<String> heard = new CopyOnWriteArrayList<>();

    @BeforeEach
    void forget() {
        heard.clear();
    }

    @Test
    void anInstanceFieldDisconnectsWhatEachTestConnectedAfterItsAfterEachMethods() {
        Kit.run(InstanceCase.class).testEvents().assertStatistics(stats -> stats.succeeded(2));

        // The second test's own receiver hears its @AfterEach too, then goes as well.
        assertEquals(List.of("saved first", "deleted first", "saved after-each", "saved second", "saved after-each"),
                heard);
        assertEquals(List.of(), SAVED.receivers());
        assertEquals(List.of(), DELETED.receivers());
    }

    @Test
    void aStaticFieldKeepsWhatBeforeAllConnectedUntilAfterAll() {
        Kit.run(StaticCase.class).testEvents().assertStatistics(stats -> stats.succeeded(3));

        assertEquals(List.of("class first", "test first", "class second", "class nested", "nested-class nested",
                "class after-all"), heard);
        assertEquals(List.of(), SAVED.receivers());
    }

    @Test
    void receiversConnectedFromAnotherThreadOrAlreadyDisconnectedAreHandled() throws Exception {
        TestReceivers receivers = new TestReceivers();
        receivers.beforeEach(null);
        Thread thread = new Thread(() -> receivers.connect(SAVED, (signal, sender, payload) -> heard.add("thread")));
        thread.start();
        thread.join();
        SignalConnection early = receivers.connect(SAVED, (signal, sender, payload) -> heard.add("early"));
        early.disconnect();

        receivers.afterEach(null);

        SAVED.send(this, "after");
        assertEquals(List.of(), heard);
        assertEquals(List.of(), receivers.connections());
        assertFalse(early.isConnected());
    }

    @Test
    void addGivesBackTheConnectionAndAddAllTakesABindingsConnections() {
        TestReceivers receivers = new TestReceivers();
        SignalConnection responder = receivers.add(SAVED.connectResponder((signal, sender, payload) -> "ok"));
        receivers.addAll(SignalBinding.receiver(List.of(SAVED, DELETED), (signal, sender, payload) -> heard.add("bound"))
                .connect());

        assertSame(responder, receivers.connections().get(0));
        assertEquals(3, receivers.connections().size());
        receivers.afterEach(null);
        assertFalse(responder.isConnected());
        assertEquals(List.of(), SAVED.receivers());
        assertEquals(List.of(), DELETED.receivers());
    }

    @Test
    void nullsAreRefusedAndNothingIsHeldHalfway() {
        TestReceivers receivers = new TestReceivers();
        SignalConnection connection = SAVED.connect((signal, sender, payload) -> { });
        try {
            assertThrows(NullPointerException.class, () -> receivers.add(null));
            assertThrows(NullPointerException.class, () -> receivers.connect(null, (signal, sender, payload) -> { }));
            assertThrows(NullPointerException.class, () -> receivers.addAll(Arrays.asList(connection, null)));
            assertEquals(List.of(), receivers.connections());
            assertTrue(receivers.toString().startsWith("TestReceivers"));
        } finally {
            connection.disconnect();
        }
    }

    // ------------------------------------------------------------------------------------ cases

    @Kit.Case
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    static class InstanceCase {

        @RegisterExtension
        final TestReceivers receivers = new TestReceivers();

        @AfterEach
        void stillConnectedInAfterEach() {
            SAVED.send(this, "after-each");
        }

        @Test
        @Order(1)
        void first() {
            receivers.connect(SAVED, (signal, sender, payload) -> heard.add("saved " + payload));
            receivers.add(DELETED.connect((signal, sender, payload) -> heard.add("deleted " + payload)));
            SAVED.send(this, "first");
            DELETED.send(this, "first");
        }

        @Test
        @Order(2)
        void second() {
            SAVED.send(this, "second");
            DELETED.send(this, "second");
            // After the first test's after-each: only this test's own receiver hears.
            receivers.connect(SAVED, (signal, sender, payload) -> heard.add("saved " + payload));
            SAVED.send(this, "second");
        }
    }

    @Kit.Case
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    static class StaticCase {

        @RegisterExtension
        static final TestReceivers receivers = new TestReceivers();

        @BeforeAll
        static void connectForTheClass() {
            receivers.connect(SAVED, (signal, sender, payload) -> heard.add("class " + payload));
        }

        @AfterAll
        static void stillConnectedInAfterAll() {
            SAVED.send(StaticCase.class, "after-all");
        }

        @Test
        @Order(1)
        void first() {
            receivers.connect(SAVED, (signal, sender, payload) -> heard.add("test " + payload));
            SAVED.send(this, "first");
        }

        @Test
        @Order(2)
        void second() {
            SAVED.send(this, "second");
        }

        @Nested
        class Inner {

            @BeforeEach
            void connectForTheTest() {
                receivers.connect(SAVED, (signal, sender, payload) -> heard.add("nested-class " + payload));
            }

            @Test
            void nested() {
                SAVED.send(this, "nested");
            }
        }
    }
}
