package signals.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * Mutes signals for a test method or a whole test class: factory_boy's {@code @mute_signals}.
 * Signals are named as declared ({@code "post_save"}), since annotations cannot hold them;
 * every signal of that name is muted. No name mutes every signal.
 *
 * <pre>{@code
 * @Test
 * @MuteSignals({"pre_save", "post_save"})
 * void importsWithoutSideEffects() { ... }
 * }</pre>
 *
 * <p>By default the mute holds in the test's own thread and the threads it starts (see
 * {@link MutedSignals#inThisThreadAndChildren}), from before its {@code @BeforeEach} methods to
 * after its {@code @AfterEach} methods; on a class, for each of its tests and those of its nested classes
 * and subclasses, but not for its {@code @BeforeAll} and {@code @AfterAll} methods, whose thread
 * may go on to run other classes in parallel. With {@code everywhere = true} it holds in every
 * thread (on a class, once, from before {@code @BeforeAll} to after {@code @AfterAll}), and the
 * test or class takes JUnit's global resource lock, so that nothing runs in parallel with it.
 *
 * @since 0.1
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@ExtendWith(MuteExtension.class)
@ResourceLock(providers = MuteExtension.Locks.class)
public @interface MuteSignals {

    /**
     * The names of the signals to mute.
     *
     * @return the names; empty to mute every signal
     */
    String[] value() default {};

    /**
     * Whether every thread is muted rather than the test's own.
     *
     * @return true to mute every thread
     */
    boolean everywhere() default false;
}
