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
 * <p>By default the recorder hears the test's own thread and the threads it starts while
 * recording ({@link SignalRecorder#inThisThreadAndChildren}), which keeps tests running in
 * parallel apart; with {@code everywhere = true} it hears every thread
 * ({@link SignalRecorder#everywhere}), including other tests running at the same time. The
 * same words mean the same threads in {@link MuteSignals}.
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
     * Whether every thread is heard rather than the test's own thread and its children.
     *
     * @return true to hear every thread
     */
    boolean everywhere() default false;
}
