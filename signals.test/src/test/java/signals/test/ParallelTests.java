package signals.test;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import signals.core.Signal;
import signals.core.SignalConnection;

// JUnit's parallel mode is turned on only inside these engine runs, not for the build's suite.
class ParallelTests {

    static final String SHARED = "signals.test.parallel.shared";
    static final String FIRST = "signals.test.parallel.first";
    static final String SECOND = "signals.test.parallel.second";
    static final Signal<String> SAVED = Signal.of("saved", String.class);

    static final List<String> problems = new CopyOnWriteArrayList<>();
    static final AtomicInteger holdersOfShared = new AtomicInteger();
    static final AtomicInteger mostHoldersOfShared = new AtomicInteger();
    static volatile CyclicBarrier together;

    @BeforeEach
    void reset() {
        problems.clear();
        holdersOfShared.set(0);
        mostHoldersOfShared.set(0);
        together = new CyclicBarrier(2);
    }

    @Test
    void classesOverridingTheSameSettingNeverRunTogetherAndNeverSeeEachOthersValue() {
        EngineExecutionResults results = run(SharedSettingCaseA.class, SharedSettingCaseB.class);

        results.testEvents().assertStatistics(stats -> stats.started(10).succeeded(10));
        assertEquals(List.of(), problems);
        assertEquals(1, mostHoldersOfShared.get());
        assertEquals(null, System.getProperty(SHARED));
    }

    @Test
    void testsOverridingDifferentSettingsRunTogether() {
        EngineExecutionResults results = run(DifferentSettingCase.class);

        // Both tests wait for each other inside their overrides: they can only pass together.
        results.testEvents().assertStatistics(stats -> stats.started(2).succeeded(2));
        assertEquals(List.of(), problems);
    }

    @Test
    void aThreadMuteOrRecorderInOneTestDoesNotReachATestRunningAlongside() {
        EngineExecutionResults results = run(MutingCase.class);

        results.testEvents().assertStatistics(stats -> stats.started(2).succeeded(2));
        assertEquals(List.of(), problems);
    }

    private static EngineExecutionResults run(Class<?>... cases) {
        return Kit.run(Kit.parallel(), cases);
    }

    static void awaitTheOther() {
        try {
            together.await(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            problems.add("the other test did not run alongside: " + e);
        }
    }

    // Reads the shared setting many times while another thread could change it; a lock that
    // did not hold would show up as a second holder or a foreign value.
    static void holdShared(String expected) {
        int holders = holdersOfShared.incrementAndGet();
        mostHoldersOfShared.accumulateAndGet(holders, Math::max);
        for (int i = 0; i < 200; i++) {
            String seen = System.getProperty(SHARED);
            if (!expected.equals(seen)) {
                problems.add("expected " + expected + " but saw " + seen);
            }
            Thread.yield();
        }
        holdersOfShared.decrementAndGet();
    }

    // ------------------------------------------------------------------------------------ cases

    @Kit.Case
    @OverrideSetting(name = SHARED, value = "a")
    static class SharedSettingCaseA {

        @RepeatedTest(5)
        void readsA() {
            holdShared("a");
        }
    }

    @Kit.Case
    static class SharedSettingCaseB {

        @RepeatedTest(5)
        @OverrideSetting(name = SHARED, value = "b")
        void readsB() {
            holdShared("b");
        }
    }

    @Kit.Case
    static class DifferentSettingCase {

        @Test
        @OverrideSetting(name = FIRST, value = "1")
        void first() {
            awaitTheOther();
            assertEquals("1", System.getProperty(FIRST));
        }

        @Test
        @OverrideSetting(name = SECOND, value = "2")
        void second() {
            awaitTheOther();
            assertEquals("2", System.getProperty(SECOND));
        }
    }

    @Kit.Case
    static class MutingCase {

        @Test
        @MuteSignals("saved")
        @RecordSignals
        void muted(SignalRecorder recorder) {
            check("muted", false, recorder);
        }

        @Test
        @RecordSignals
        void plain(SignalRecorder recorder) {
            check("plain", true, recorder);
        }

        private static void check(String name, boolean shouldBeHeard, SignalRecorder recorder) {
            List<String> heard = new CopyOnWriteArrayList<>();
            SignalConnection connection = SAVED.connect((signal, sender, payload) -> heard.add(payload));
            try {
                awaitTheOther();         // both tests are inside their mutes and recorders now
                SAVED.fire(null, name);
                awaitTheOther();         // both have sent before either closes anything
            } finally {
                connection.disconnect();
            }
            if (heard.contains(name) != shouldBeHeard) {
                problems.add(name + (shouldBeHeard ? " was muted by the other test" : " was not muted"));
            }
            if (!recorder.payloads(SAVED).equals(List.of(name))) {
                problems.add(name + " recorded " + recorder.sent());
            }
        }
    }
}
