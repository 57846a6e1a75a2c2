package signals.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.opentest4j.AssertionFailedError;
import signals.core.Signal;

class RecordingExtensionTests {

    static final Signal<String> PLACED = Signal.of("placed", String.class);

    static final List<SignalRecorder> recorders = new CopyOnWriteArrayList<>();

    @BeforeEach
    void forget() {
        recorders.clear();
    }

    @Test
    void theTestAndItsBeforeEachShareOneRecorderStartedBeforeTheFixtures() {
        Kit.run(RecordedCase.class).testEvents().assertStatistics(stats -> stats.started(1).succeeded(1));

        assertEquals(2, recorders.size());
        assertSame(recorders.get(0), recorders.get(1));
        assertEquals(List.of("fixture", "test"), recorders.get(0).payloads(PLACED));
    }

    @Test
    void theRecorderIsClosedAfterTheTest() {
        Kit.run(RecordedCase.class);
        PLACED.fire("after", "later");

        assertEquals(2, recorders.get(0).count(PLACED));
    }

    @Test
    void aFailedAssertionFailsTheTestWithTheListOfWhatWasSent() {
        EngineExecutionResults results = Kit.run(FailingAssertionCase.class);

        results.testEvents().assertThatEvents().haveExactly(1, event(test("expectsOneOrder"),
                finishedWithFailure(instanceOf(AssertionFailedError.class), message(
                        "Expected placed to be sent once, but it was sent 2 times.\n"
                        + "Sent while recording every signal (2):\n"
                        + "  1. placed from shop with book\n"
                        + "  2. placed from shop with pen"))));
    }

    @Test
    void withoutTheAnnotationOrAutodetectionNoRecorderIsGiven() {
        Kit.run(ParameterOnlyCase.class).testEvents().assertThatEvents().haveExactly(1,
                event(test("asks"), finishedWithFailure(instanceOf(ParameterResolutionException.class))));
    }

    @Test
    void withAutodetectionATestThatAsksGetsARecorderWithoutTheAnnotation() {
        Kit.run(ParameterOnlyCase.class, Kit.autodetection()).testEvents().assertStatistics(stats -> stats.succeeded(1));

        assertEquals(List.of("asked"), recorders.get(0).payloads(PLACED));
    }

    @Test
    void aMethodAnnotationMayRecordEveryThread() {
        assertTheOneTestRecorded(EveryThreadCase.class, List.of("from a pool"));
    }

    @Test
    void theRecorderStartsBeforeTheFixturesEvenWhenTheyDoNotAskForIt() {
        assertTheOneTestRecorded(FixtureCase.class, List.of("fixture", "test"));
    }

    @Test
    void byDefaultAPoolStartedBeforeTheTestIsNotHeard() {
        assertTheOneTestRecorded(TestThreadCase.class, List.of("own"));
    }

    @Test
    void aNestedTestUsesTheEnclosingClassAnnotation() {
        assertTheOneTestRecorded(EveryThreadClassCase.class, List.of("pool", "own"));
    }

    private static void assertTheOneTestRecorded(Class<?> testCase, List<String> payloads) {
        Kit.run(testCase).testEvents().assertStatistics(stats -> stats.succeeded(1));

        assertEquals(payloads, recorders.get(0).payloads(PLACED));
    }

    // ------------------------------------------------------------------------------------ cases

    // A pool whose thread exists before any test's recorder does.
    abstract static class EarlierPool {

        static java.util.concurrent.ExecutorService pool;

        @org.junit.jupiter.api.BeforeAll
        static void startPool() throws Exception {
            pool = Pools.started();
        }

        @org.junit.jupiter.api.AfterAll
        static void stopPool() {
            pool.shutdownNow();
        }

        static void fireFromPoolAndOwnThread(SignalRecorder recorder) throws Exception {
            recorders.add(recorder);
            Pools.run(pool, () -> PLACED.fire("pool", "pool"));
            PLACED.fire("test", "own");
        }
    }

    @Kit.Case
    @RecordSignals
    static class FixtureCase {

        @BeforeEach
        void fixture() {
            PLACED.fire("setup", "fixture");
        }

        @Test
        void places(SignalRecorder recorder) {
            recorders.add(recorder);
            PLACED.fire("shop", "test");
        }
    }

    @Kit.Case
    @RecordSignals
    static class TestThreadCase extends EarlierPool {

        @Test
        void firesFromBoth(SignalRecorder recorder) throws Exception {
            fireFromPoolAndOwnThread(recorder);
        }
    }

    @Kit.Case
    @RecordSignals(everywhere = true)
    static class EveryThreadClassCase extends EarlierPool {

        @org.junit.jupiter.api.Nested
        class Inner {

            @Test
            void firesFromBoth(SignalRecorder recorder) throws Exception {
                fireFromPoolAndOwnThread(recorder);
            }
        }
    }

    @Kit.Case
    @RecordSignals
    static class RecordedCase {

        @BeforeEach
        void fixture(SignalRecorder recorder) {
            recorders.add(recorder);
            PLACED.fire("setup", "fixture");
        }

        @Test
        void places(SignalRecorder recorder) {
            recorders.add(recorder);
            PLACED.fire("shop", "test");
        }
    }

    @Kit.Case
    @RecordSignals
    static class FailingAssertionCase {

        @Test
        void expectsOneOrder(SignalRecorder recorder) {
            PLACED.fire("shop", "book");
            PLACED.fire("shop", "pen");
            recorder.assertSentOnce(PLACED);
        }
    }

    @Kit.Case
    static class ParameterOnlyCase {

        @Test
        void asks(SignalRecorder recorder) {
            recorders.add(recorder);
            PLACED.fire("shop", "asked");
        }
    }

    @Kit.Case
    static class EveryThreadCase {

        @Test
        @RecordSignals(everywhere = true)
        void hearsAPool(SignalRecorder recorder) throws Exception {
            recorders.add(recorder);
            java.util.concurrent.ExecutorService pool = Pools.started();
            try {
                Pools.run(pool, () -> PLACED.fire("pool", "from a pool"));
            } finally {
                pool.shutdownNow();
            }
        }
    }
}
