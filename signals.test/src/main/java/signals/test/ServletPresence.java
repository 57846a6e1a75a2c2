package signals.test;

import signals.core.spi.ClassLoaders;

/**
 * Tells whether {@code signals.servlet} can be used, without touching any of its classes, so that
 * {@link RenderedViews} fails with a clear message rather than a {@link NoClassDefFoundError}.
 */
final class ServletPresence {

    private ServletPresence() {
    }

    static void require() {
        Module own = ServletPresence.class.getModule();
        if (!ClassLoaders.canUse(ServletPresence.class, "signals.servlet", "signals/servlet/RequestSignals.class")) {
            throw new IllegalStateException("RenderedViews needs signals.servlet, which is not "
                    + (own.isNamed() ? "in the module graph: add it to the module path and require it from the test module"
                            : "on the class path: add the signals-servlet artifact to the test dependencies"));
        }
    }
}
