package signals.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * Overrides a setting for a test method or a whole test class: Django's
 * {@code @override_settings}, with {@link TestSignals#SETTING_CHANGED} sent on the way in and out.
 *
 * <pre>{@code
 * @OverrideSetting(name = "shop.currency", value = "EUR")
 * class PriceTests {
 *
 *     @Test
 *     @OverrideSetting(name = "shop.rounding", value = "HALF_EVEN")
 *     @RemoveSetting("shop.discount")
 *     void roundsBankersWay() { ... }
 * }
 * }</pre>
 *
 * <h2>When the override is in force</h2>
 * <ul>
 *   <li>On a class: once for the class, from before its {@code @BeforeAll} methods to after its
 *       {@code @AfterAll} methods, as Django applies a class decorator in {@code setUpClass}. A
 *       subclass adds to the annotations of its superclasses and wins where both name the same
 *       setting; a {@link org.junit.jupiter.api.Nested @Nested} class runs inside its enclosing
 *       class's override and may override further.</li>
 *   <li>On a method: around that test, from before its {@code @BeforeEach} methods to after its
 *       {@code @AfterEach} methods, so fixtures see the test's settings. (Django applies a method
 *       decorator to the test function only; JUnit users expect {@code @BeforeEach} to see it.)</li>
 * </ul>
 * On one class or method, settings are overridden in the order the annotations are written, then
 * {@link RemoveSetting}s are applied; naming a setting twice there is an
 * {@link org.junit.jupiter.api.extension.ExtensionConfigurationException}.
 *
 * <h2>Parallel execution</h2>
 * Each overridden setting takes a JUnit resource lock, {@code signals.test.setting:<name>}, in
 * read-write mode, so tests that override the same setting never run at the same time; with the
 * default store, the system properties are also locked in read mode, which keeps JUnit's own
 * {@code @SetSystemProperty} and {@code @RestoreSystemProperties} tests apart from these. A test
 * that only reads a setting should say so with
 * {@code @ResourceLock(value = "signals.test.setting:<name>", mode = READ)}.
 *
 * @since 0.1
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Repeatable(OverrideSettings.class)
@ExtendWith(OverrideExtension.class)
@ResourceLock(providers = OverrideExtension.Locks.class)
public @interface OverrideSetting {

    /**
     * The setting's name.
     *
     * @return the name, not blank
     */
    String name();

    /**
     * The setting's value while the override is in force.
     *
     * @return the value
     */
    String value();
}
