package signals.test;

import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.parallel.ResourceAccessMode;
import org.junit.jupiter.api.parallel.ResourceLocksProvider;
import org.junit.jupiter.api.parallel.Resources;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The JUnit Jupiter extension behind {@link MuteSignals}. The annotation registers it; register
 * it yourself only to use it through JUnit's extension auto-detection, where it does nothing for
 * tests without the annotation.
 *
 * @since 0.1
 */
public final class MuteExtension implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(MuteExtension.class);

    /** Called by JUnit. */
    public MuteExtension() {
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        // Only the everywhere mutes: a thread mute opened here would pass on to the worker
        // threads JUnit starts from this thread to run other classes in parallel.
        find(context.getRequiredTestClass()).filter(MuteSignals::everywhere).ifPresent(mute ->
                context.getStore(NAMESPACE).put(context.getUniqueId(), new Opened(List.of(open(mute)))));
    }

    @Override
    public void afterAll(ExtensionContext context) {
        close(context);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        // A test may run in another thread than its class's callbacks (parallel execution), so
        // the thread mutes of every enclosing class are opened again in the test's thread; the
        // classes' everywhere mutes are open since their beforeAll.
        List<MutedSignals> opened = new ArrayList<>();
        find(context.getRequiredTestMethod()).ifPresent(mute -> opened.add(open(mute)));
        for (Optional<ExtensionContext> c = context.getParent(); c.isPresent(); c = c.get().getParent()) {
            c.get().getTestClass().flatMap(MuteExtension::find).filter(mute -> !mute.everywhere())
                    .ifPresent(mute -> opened.add(open(mute)));
        }
        if (!opened.isEmpty()) {
            context.getStore(NAMESPACE).put(context.getUniqueId(), new Opened(opened));
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        close(context);
    }

    private static MutedSignals open(MuteSignals mute) {
        return MutedSignals.mute(Selection.named(mute.value()), mute.everywhere());
    }

    private static void close(ExtensionContext context) {
        Opened opened = context.getStore(NAMESPACE).remove(context.getUniqueId(), Opened.class);
        if (opened != null) {
            opened.close();
        }
    }

    static Optional<MuteSignals> find(AnnotatedElement element) {
        return AnnotationSupport.findAnnotation(element, MuteSignals.class);
    }

    /** The mutes one callback opened, closed together. */
    private static final class Opened {

        private final List<MutedSignals> mutes;

        Opened(List<MutedSignals> mutes) {
            this.mutes = mutes;
        }

        void close() {
            for (int i = mutes.size() - 1; i >= 0; i--) {
                mutes.get(i).close();
            }
        }
    }

    /**
     * Declares JUnit's global resource lock for {@code @MuteSignals(everywhere = true)}, so that
     * nothing runs in parallel with a test that mutes every thread. JUnit finds it through the
     * annotation.
     *
     * @since 0.1
     */
    public static final class Locks implements ResourceLocksProvider {

        /** Called by JUnit. */
        public Locks() {
        }

        @Override
        public Set<Lock> provideForClass(Class<?> testClass) {
            return locks(testClass);
        }

        @Override
        public Set<Lock> provideForNestedClass(List<Class<?>> enclosingInstanceTypes, Class<?> testClass) {
            return locks(testClass);
        }

        @Override
        public Set<Lock> provideForMethod(List<Class<?>> enclosingInstanceTypes, Class<?> testClass, Method testMethod) {
            return locks(testMethod);
        }

        private static Set<Lock> locks(AnnotatedElement element) {
            return find(element).filter(MuteSignals::everywhere).isPresent()
                    ? Set.of(new Lock(Resources.GLOBAL, ResourceAccessMode.READ_WRITE))
                    : Set.of();
        }
    }
}
