package signals.test;

import java.lang.reflect.Method;
import java.util.Optional;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The JUnit Jupiter extension behind {@link RecordSignals}: it gives each test a started
 * {@link SignalRecorder} as a parameter. {@code @RecordSignals} registers it; through JUnit's
 * extension auto-detection it is registered for every test, records nothing for tests without
 * the annotation, and starts a recorder for a test that asks for one as a parameter (hearing
 * the test's own thread and its children, as {@code @RecordSignals} does by default).
 *
 * @since 0.1
 */
public final class RecordingExtension implements BeforeEachCallback, AfterEachCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(RecordingExtension.class);

    /** Called by JUnit. */
    public RecordingExtension() {
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        find(context).ifPresent(annotation -> recorder(context, annotation.everywhere()));
    }

    @Override
    public void afterEach(ExtensionContext context) {
        SignalRecorder recorder = context.getStore(NAMESPACE).remove(context.getUniqueId(), SignalRecorder.class);
        if (recorder != null) {
            recorder.close();
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return parameterContext.getParameter().getType() == SignalRecorder.class
                && parameterContext.getDeclaringExecutable() instanceof Method
                && extensionContext.getTestMethod().isPresent();
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return recorder(extensionContext, find(extensionContext).map(RecordSignals::everywhere).orElse(false));
    }

    private static SignalRecorder recorder(ExtensionContext context, boolean everywhere) {
        ExtensionContext.Store store = context.getStore(NAMESPACE);
        SignalRecorder recorder = store.get(context.getUniqueId(), SignalRecorder.class);
        if (recorder == null) {
            recorder = everywhere ? SignalRecorder.everywhere() : SignalRecorder.inThisThreadAndChildren();
            store.put(context.getUniqueId(), recorder);
        }
        return recorder;
    }

    // The method's annotation, else the nearest class's, looking through enclosing classes.
    private static Optional<RecordSignals> find(ExtensionContext context) {
        Optional<RecordSignals> found = context.getTestMethod()
                .flatMap(method -> AnnotationSupport.findAnnotation(method, RecordSignals.class));
        for (Optional<ExtensionContext> c = context.getParent(); found.isEmpty() && c.isPresent(); c = c.get().getParent()) {
            found = c.get().getTestClass().flatMap(type -> AnnotationSupport.findAnnotation(type, RecordSignals.class));
        }
        return found;
    }
}
