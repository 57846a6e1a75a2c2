package signals.test;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import signals.core.Signal;

class MuteExtensionTests {

    static final Signal<String> SAVED = Signal.of("saved", String.class);
    static final Signal<String> DELETED = Signal.of("deleted", String.class);

    static final List<String> heard = new CopyOnWriteArrayList<>();

    @RegisterExtension
    final TestReceivers receivers = new TestReceivers();

    @BeforeEach
    void listen() {
        heard.clear();
        receivers.add(SAVED.connect((signal, sender, payload) -> heard.add("saved " + payload)));
        receivers.add(DELETED.connect((signal, sender, payload) -> heard.add("deleted " + payload)));
    }

    @Test
    void aMethodMuteHoldsForThatTestAndItsFixturesOnly() {
        Kit.run(MethodCase.class).testEvents().assertStatistics(stats -> stats.succeeded(2));

        assertEquals(List.of("deleted muted", "saved plain-fixture", "saved plain"), heard);
    }

    @Test
    void aClassMuteHoldsForEachTestOfTheClassAndItsNestedClassesButNotBeforeAll() {
        Kit.run(ClassCase.class).testEvents().assertStatistics(stats -> stats.succeeded(2));

        assertEquals(List.of("saved before-all"), heard);
    }

    @Test
    void aMuteEverywhereHoldsInOtherThreadsToo() {
        Kit.run(EverywhereCase.class).testEvents().assertStatistics(stats -> stats.succeeded(1));

        assertEquals(List.of(), heard);
    }

    @Test
    void everySignalIsMutedWhenNoneIsNamed() {
        Kit.run(AllCase.class).testEvents().assertStatistics(stats -> stats.succeeded(1));

        assertEquals(List.of(), heard);
    }

    @Test
    void withAutodetectionTheMuteStillAppliesOnlyWhereAnnotated() {
        Kit.run(MethodCase.class, Kit.autodetection()).testEvents().assertStatistics(stats -> stats.succeeded(2));

        assertEquals(List.of("deleted muted", "saved plain-fixture", "saved plain"), heard);
    }

    @Test
    void aClassMuteEverywhereHoldsFromBeforeAllInEveryThread() {
        Kit.run(EverywhereClassCase.class).testEvents().assertStatistics(stats -> stats.succeeded(1));

        assertEquals(List.of(), heard);
    }

    // ------------------------------------------------------------------------------------ cases

    @Kit.Case
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    static class MethodCase {

        @BeforeEach
        void fixture(org.junit.jupiter.api.TestInfo info) {
            SAVED.fire(null, info.getTestMethod().orElseThrow().getName() + "-fixture");
        }

        @Test
        @Order(1)
        @MuteSignals("saved")
        void muted() {
            SAVED.fire(null, "muted");
            DELETED.fire(null, "muted");
        }

        @Test
        @Order(2)
        void plain() {
            SAVED.fire(null, "plain");
        }
    }

    @Kit.Case
    @MuteSignals("saved")
    static class ClassCase {

        @BeforeAll
        static void beforeAll() {
            SAVED.fire(null, "before-all");
        }

        @Test
        void outer() {
            SAVED.fire(null, "outer");
        }

        @Nested
        class Inner {

            @Test
            void inner() {
                SAVED.fire(null, "inner");
            }
        }
    }

    @Kit.Case
    static class EverywhereCase {

        @Test
        @MuteSignals(value = "saved", everywhere = true)
        void firesFromAPool() throws Exception {
            fireFromAPool();
        }

        static void fireFromAPool() throws Exception {
            java.util.concurrent.ExecutorService pool = Pools.started();
            try {
                Pools.run(pool, () -> SAVED.fire(null, "pool"));
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @Kit.Case
    @MuteSignals(value = "saved", everywhere = true)
    static class EverywhereClassCase {

        @BeforeAll
        static void beforeAll() {
            SAVED.fire(null, "before-all");
        }

        @Test
        void firesFromAPool() throws Exception {
            EverywhereCase.fireFromAPool();
        }
    }

    @Kit.Case
    static class AllCase {

        @Test
        @MuteSignals
        void firesBoth() {
            SAVED.fire(null, "a");
            DELETED.fire(null, "b");
        }
    }
}
