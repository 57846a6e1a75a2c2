package signals.test;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/** Runs test cases through JUnit's own engine; the cases run only there. */
final class Kit {

    private static final String MARK = "signals.test.kit";

    private Kit() {
    }

    static EngineExecutionResults run(Class<?> testCase) {
        return run(Map.of(), testCase);
    }

    static EngineExecutionResults run(Class<?> testCase, Map<String, String> parameters) {
        return run(parameters, testCase);
    }

    // Implicit parameters stay off (the kit's default): the build's own settings never leak in.
    static EngineExecutionResults run(Map<String, String> parameters, Class<?>... testCases) {
        Map<String, String> all = new HashMap<>(parameters);
        all.put(MARK, "true");
        return EngineTestKit.engine("junit-jupiter")
                .configurationParameters(all)
                .selectors(Arrays.stream(testCases).map(DiscoverySelectors::selectClass).toList())
                .execute();
    }

    static Map<String, String> autodetection() {
        return Map.of("junit.jupiter.extensions.autodetection.enabled", "true");
    }

    static Map<String, String> parallel() {
        return Map.of("junit.jupiter.execution.parallel.enabled", "true",
                "junit.jupiter.execution.parallel.mode.default", "concurrent",
                "junit.jupiter.execution.parallel.mode.classes.default", "concurrent",
                "junit.jupiter.execution.parallel.config.strategy", "fixed",
                "junit.jupiter.execution.parallel.config.fixed.parallelism", "4");
    }

    /** Marks a test case that only {@link Kit#run} may run, never the build's own test run. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.TYPE)
    @ExtendWith(OnlyInKit.class)
    @interface Case {
    }

    static final class OnlyInKit implements ExecutionCondition {

        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            return context.getConfigurationParameter(MARK).isPresent()
                    ? ConditionEvaluationResult.enabled("run by Kit")
                    : ConditionEvaluationResult.disabled("a test case for Kit.run only");
        }
    }
}
