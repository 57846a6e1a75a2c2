package signals.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.platform.testkit.engine.EventConditions.container;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;
import static signals.test.TestSignals.SETTING_CHANGED;

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
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.opentest4j.AssertionFailedError;
import signals.core.SignalConnection;

class OverrideExtensionTests {

    static final String X = "signals.test.extension.x";
    static final String Y = "signals.test.extension.y";

    // What the test cases saw, in order; the cases run in this thread, inside the kit.
    static final List<String> observed = new CopyOnWriteArrayList<>();
    private final List<String> changes = new CopyOnWriteArrayList<>();

    @RegisterExtension
    final TestReceivers receivers = new TestReceivers();

    @BeforeEach
    void listen() {
        observed.clear();
        System.setProperty(X, "x0");
        System.clearProperty(Y);
        receivers.connect(SETTING_CHANGED, (signal, sender, changed) -> {
            if (changed.setting().startsWith("signals.test.extension.")) {
                changes.add((changed.enter() ? "enter " : "leave ") + changed.setting().substring(23) + "=" + changed.value());
            }
        });
    }

    @AfterEach
    void clearX() {
        System.clearProperty(X);
    }

    @Test
    void classOverridesHoldFromBeforeAllToAfterAllAndMethodOverridesFromBeforeEachToAfterEach() {
        EngineExecutionResults results = Kit.run(ClassAndMethodCase.class);

        results.testEvents().assertStatistics(stats -> stats.started(2).succeeded(2));
        assertEquals(List.of("beforeAll x=class", "beforeEach x=method", "test x=method", "afterEach x=method",
                "beforeEach x=class", "test x=class", "afterEach x=class", "afterAll x=class"), observed);
        assertEquals("x0", System.getProperty(X));
    }

    @Test
    void everyEnterIsPairedWithALeaveInNestingOrder() {
        Kit.run(ClassAndMethodCase.class);

        assertEquals(List.of("enter x=class",
                "enter x=method", "leave x=class",
                "leave x=x0"), changes);
    }

    @Test
    void aNestedClassRunsInsideTheEnclosingOverrideAndMayRemoveASetting() {
        EngineExecutionResults results = Kit.run(NestedCase.class);

        results.testEvents().assertStatistics(stats -> stats.started(2).succeeded(2));
        assertEquals(List.of("outer x=outer y=null", "inner x=null y=inner"), observed);
        assertEquals(List.of("enter x=outer", "enter y=inner", "enter x=null", "leave y=null", "leave x=outer",
                "leave x=x0"), changes);
    }

    // test_override_settings_inheritance
    @Test
    void aSubclassAddsToItsSuperclassOverridesAndWinsOnTheSameSetting() {
        Kit.run(SubclassCase.class).testEvents().assertStatistics(stats -> stats.succeeded(1));

        assertEquals(List.of("x=child y=parent"), observed);
        assertEquals(List.of("enter x=child", "enter y=parent", "leave x=x0", "leave y=null"), changes);
    }

    @Test
    void aFailingTestInsideNestedOverridesRestoresEveryValueAndCompletesEveryPair() {
        EngineExecutionResults results = Kit.run(FailingCase.class);

        results.testEvents().assertThatEvents().haveExactly(1, event(test("failsWhileOverridden"),
                finishedWithFailure(instanceOf(AssertionFailedError.class), message("expected: <x0> but was: <method>"))));
        assertEquals("x0", System.getProperty(X));
        assertNull(System.getProperty(Y));
        assertEquals(List.of("enter y=class", "enter x=method", "leave x=x0", "leave y=null"), changes);
    }

    @Test
    void aReceiverFailingOnEnterFailsTheTestWithItsErrorAndTheValuesComeBack() {
        SignalConnection failing = SETTING_CHANGED.connect((signal, sender, changed) -> {
            if (changed.enter() && changed.setting().equals(Y)) {
                throw new IllegalStateException("cannot reset the cache for " + changed.setting());
            }
        });
        try {
            EngineExecutionResults results = Kit.run(EnterFailureCase.class);

            results.testEvents().assertThatEvents().haveExactly(1, event(test("neverRuns"),
                    finishedWithFailure(instanceOf(IllegalStateException.class), message("cannot reset the cache for " + Y))));
            assertEquals(List.of(), observed);
        } finally {
            failing.disconnect();
        }
        assertEquals("x0", System.getProperty(X));
        assertEquals(List.of("enter x=x1", "enter y=y1", "leave x=x0", "leave y=null"), changes);
    }

    @Test
    void aReceiverFailingOnLeaveFailsTheClassAfterEveryReceiverHeardEverySetting() {
        SignalConnection failing = SETTING_CHANGED.connect((signal, sender, changed) -> {
            if (!changed.enter() && changed.setting().startsWith("signals.test.extension.")) {
                throw new IllegalStateException("leave " + changed.setting());
            }
        });
        try {
            EngineExecutionResults results = Kit.run(LeaveFailureCase.class);

            results.testEvents().assertStatistics(stats -> stats.succeeded(1));
            results.containerEvents().assertThatEvents().haveExactly(1, event(container(LeaveFailureCase.class),
                    finishedWithFailure(instanceOf(IllegalStateException.class), message("leave " + X))));
        } finally {
            failing.disconnect();
        }
        assertEquals(List.of("enter x=x1", "enter y=y1", "leave x=x0", "leave y=null"), changes);
    }

    @Test
    void namingASettingTwiceOnOneMethodIsAConfigurationError() {
        EngineExecutionResults results = Kit.run(TwiceCase.class);

        results.testEvents().assertThatEvents().haveExactly(1, event(test("twice"),
                finishedWithFailure(instanceOf(ExtensionConfigurationException.class),
                        message(TwiceCase.class.getName() + ".twice() overrides or removes setting [" + X + "] more than once"))));
        assertEquals(List.of(), changes);
    }

    @Test
    void aBlankSettingNameOnAClassIsAConfigurationErrorOfThatClass() {
        EngineExecutionResults results = Kit.run(BlankCase.class);

        results.containerEvents().assertThatEvents().haveExactly(1, event(container(BlankCase.class),
                finishedWithFailure(instanceOf(ExtensionConfigurationException.class),
                        message("class " + BlankCase.class.getName() + " names a setting with a blank name"))));
        results.testEvents().assertStatistics(stats -> stats.started(0));
        assertEquals(List.of(), changes);
    }

    @Test
    void withAutodetectionTheExtensionIsRegisteredOnceAndLeavesUnannotatedTestsAlone() {
        EngineExecutionResults results = Kit.run(ClassAndMethodCase.class, Kit.autodetection());
        results.testEvents().assertStatistics(stats -> stats.succeeded(2));
        Kit.run(UnannotatedCase.class, Kit.autodetection()).testEvents().assertStatistics(stats -> stats.succeeded(1));

        assertEquals(List.of("enter x=class", "enter x=method", "leave x=class", "leave x=x0"), changes);
    }

    // ------------------------------------------------------------------------------------ cases

    static void see(String phase) {
        observed.add(phase + " x=" + System.getProperty(X));
    }

    @Kit.Case
    @OverrideSetting(name = X, value = "class")
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    static class ClassAndMethodCase {

        @BeforeAll
        static void beforeAll() {
            see("beforeAll");
        }

        @BeforeEach
        void beforeEach() {
            see("beforeEach");
        }

        @Test
        @Order(1)
        @OverrideSetting(name = X, value = "method")
        void overridden() {
            see("test");
        }

        @Test
        @Order(2)
        void notOverridden() {
            see("test");
        }

        @AfterEach
        void afterEach() {
            see("afterEach");
        }

        @AfterAll
        static void afterAll() {
            see("afterAll");
        }
    }

    @Kit.Case
    @OverrideSetting(name = X, value = "outer")
    static class NestedCase {

        @Test
        void outer() {
            observed.add("outer x=" + System.getProperty(X) + " y=" + System.getProperty(Y));
        }

        @Nested
        @OverrideSetting(name = Y, value = "inner")
        @RemoveSetting(X)
        class Inner {

            @Test
            void inner() {
                observed.add("inner x=" + System.getProperty(X) + " y=" + System.getProperty(Y));
            }
        }
    }

    @OverrideSetting(name = X, value = "parent")
    @OverrideSetting(name = Y, value = "parent")
    abstract static class ParentCase {
    }

    @Kit.Case
    @OverrideSetting(name = X, value = "child")
    static class SubclassCase extends ParentCase {

        @Test
        void inherited() {
            observed.add("x=" + System.getProperty(X) + " y=" + System.getProperty(Y));
        }
    }

    @Kit.Case
    @OverrideSetting(name = Y, value = "class")
    static class FailingCase {

        @Test
        @OverrideSetting(name = X, value = "method")
        void failsWhileOverridden() {
            org.junit.jupiter.api.Assertions.assertEquals("x0", System.getProperty(X));
        }
    }

    @Kit.Case
    static class EnterFailureCase {

        @Test
        @OverrideSetting(name = X, value = "x1")
        @OverrideSetting(name = Y, value = "y1")
        void neverRuns() {
            see("test");
        }
    }

    @Kit.Case
    @OverrideSetting(name = X, value = "x1")
    @OverrideSetting(name = Y, value = "y1")
    static class LeaveFailureCase {

        @Test
        void runs() {
        }
    }

    @Kit.Case
    static class TwiceCase {

        @Test
        @OverrideSetting(name = X, value = "x1")
        @RemoveSetting(X)
        void twice() {
        }
    }

    @Kit.Case
    @OverrideSetting(name = " ", value = "x")
    static class BlankCase {

        @Test
        void neverRuns() {
        }
    }

    @Kit.Case
    static class UnannotatedCase {

        @Test
        void plain() {
        }
    }
}
