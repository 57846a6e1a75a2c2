package signals.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Records the signals each test sends, into a {@link SignalRecorder} the test declares as a
 * parameter (also in {@code @BeforeEach} and {@code @AfterEach} methods, which get the same
 * recorder). The recorder is started before the test's {@code @BeforeEach} methods and closed
 * after its {@code @AfterEach} methods; call {@link SignalRecorder#clear()} to forget what the
 * fixtures sent.
 *
 * <pre>{@code
 * @RecordSignals
 * class CheckoutTests {
 *
 *     @Test
 *     void placingAnOrderSavesItOnce(SignalRecorder recorder) {
 *         checkout.place(order);
 *         recorder.assertSentOnce(ModelSignals.POST_SAVE);
 *     }
 * }
 * }</pre>
 *
 * <p>Under parallel execution, keep {@code testThreadOnly = true} (the default) so that a test
 * hears only its own thread and the threads it starts; with {@code false} it hears every thread,
 * including other tests running at the same time.
 *
 * @since 0.1
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@ExtendWith(RecordingExtension.class)
public @interface RecordSignals {

    /**
     * Whether only the test's thread, and the threads it starts, are heard.
     *
     * @return true to hear the test's threads only, false to hear every thread
     */
    boolean testThreadOnly() default true;
}
