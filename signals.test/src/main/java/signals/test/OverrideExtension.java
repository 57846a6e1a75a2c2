package signals.test;

import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.parallel.ResourceAccessMode;
import org.junit.jupiter.api.parallel.ResourceLocksProvider;
import org.junit.jupiter.api.parallel.Resources;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The JUnit Jupiter extension behind {@link OverrideSetting} and {@link RemoveSetting}. The
 * annotations register it; register it yourself only to use it through JUnit's extension
 * auto-detection, where it does nothing for tests without the annotations.
 *
 * @since 0.1
 */
public final class OverrideExtension implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback {

    /** The prefix of the resource lock each overridden setting takes; the setting's name follows. */
    public static final String LOCK_PREFIX = "signals.test.setting:";

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(OverrideExtension.class);

    /** Called by JUnit. */
    public OverrideExtension() {
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        enter(context, forClass(context.getRequiredTestClass(), true));
    }

    @Override
    public void afterAll(ExtensionContext context) {
        leave(context);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        enter(context, forElement(context.getRequiredTestMethod(), true));
    }

    @Override
    public void afterEach(ExtensionContext context) {
        leave(context);
    }

    private static void enter(ExtensionContext context, Map<String, String> settings) {
        if (settings.isEmpty()) {
            return;
        }
        context.getStore(NAMESPACE).put(context.getUniqueId(), Settings.override(settings));
    }

    private static void leave(ExtensionContext context) {
        OverriddenSettings override = context.getStore(NAMESPACE).remove(context.getUniqueId(), OverriddenSettings.class);
        if (override != null) {
            override.close();
        }
    }

    // Superclasses first, so that a subclass wins where both name a setting, as Django merges
    // the options of a decorated parent class into its child's.
    static Map<String, String> forClass(Class<?> testClass, boolean strict) {
        List<Class<?>> chain = new ArrayList<>();
        for (Class<?> c = testClass; c != null && c != Object.class; c = c.getSuperclass()) {
            chain.add(0, c);
        }
        Map<String, String> settings = new LinkedHashMap<>();
        for (Class<?> c : chain) {
            settings.putAll(forElement(c, strict));
        }
        return settings;
    }

    // The annotations are not @Inherited: forClass walks the superclasses itself, in order.
    // Not strict while JUnit asks for locks during discovery, where an error would take the
    // whole run down; the same error then fails the one test or class when it starts.
    static Map<String, String> forElement(AnnotatedElement element, boolean strict) {
        Map<String, String> settings = new LinkedHashMap<>();
        for (OverrideSetting override : AnnotationSupport.findRepeatableAnnotations(element, OverrideSetting.class)) {
            add(settings, element, override.name(), override.value(), strict);
        }
        for (RemoveSetting removal : AnnotationSupport.findRepeatableAnnotations(element, RemoveSetting.class)) {
            add(settings, element, removal.value(), null, strict);
        }
        return settings;
    }

    private static void add(Map<String, String> settings, AnnotatedElement element, String name, String value,
                            boolean strict) {
        if (!strict) {
            settings.put(name, value);
            return;
        }
        if (name.isBlank()) {
            throw new ExtensionConfigurationException(describe(element) + " names a setting with a blank name");
        }
        if (settings.containsKey(name)) {
            throw new ExtensionConfigurationException(describe(element) + " overrides or removes setting ["
                    + name + "] more than once");
        }
        settings.put(name, value);
    }

    private static String describe(AnnotatedElement element) {
        if (element instanceof Method) {
            Method method = (Method) element;
            return method.getDeclaringClass().getName() + "." + method.getName() + "()";
        }
        return String.valueOf(element);
    }

    /**
     * Declares the resource locks of the overridden settings to JUnit, so that tests overriding
     * the same setting do not run in parallel; see {@link OverrideSetting}. JUnit finds it
     * through the annotations.
     *
     * @since 0.1
     */
    public static final class Locks implements ResourceLocksProvider {

        /** Called by JUnit. */
        public Locks() {
        }

        @Override
        public Set<Lock> provideForClass(Class<?> testClass) {
            return locks(forClass(testClass, false));
        }

        @Override
        public Set<Lock> provideForNestedClass(List<Class<?>> enclosingInstanceTypes, Class<?> testClass) {
            return provideForClass(testClass);
        }

        @Override
        public Set<Lock> provideForMethod(List<Class<?>> enclosingInstanceTypes, Class<?> testClass, Method testMethod) {
            return locks(forElement(testMethod, false));
        }

        private static Set<Lock> locks(Map<String, String> settings) {
            Set<Lock> locks = new HashSet<>();
            for (String name : settings.keySet()) {
                locks.add(new Lock(LOCK_PREFIX + name, ResourceAccessMode.READ_WRITE));
            }
            if (!locks.isEmpty() && Settings.store() instanceof SystemProperties) {
                locks.add(new Lock(Resources.SYSTEM_PROPERTIES, ResourceAccessMode.READ));
            }
            return locks;
        }
    }
}
