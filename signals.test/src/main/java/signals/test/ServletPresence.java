package signals.test;

/**
 * Tells whether {@code signals.servlet} can be used, without touching any of its classes, so that
 * {@link RenderedViews} fails with a clear message rather than a {@link NoClassDefFoundError}.
 */
final class ServletPresence {

    private ServletPresence() {
    }

    static void require() {
        Module own = ServletPresence.class.getModule();
        boolean present;
        if (own.isNamed()) {
            // requires static: the module is read only when something else made it part of the graph.
            present = own.getLayer() != null && own.getLayer().findModule("signals.servlet").filter(own::canRead).isPresent();
        } else {
            present = ServletPresence.class.getClassLoader().getResource("signals/servlet/RequestSignals.class") != null;
        }
        if (!present) {
            throw new IllegalStateException("RenderedViews needs signals.servlet, which is not "
                    + (own.isNamed() ? "in the module graph: add it to the module path and require it from the test module"
                            : "on the class path: add the signals-servlet artifact to the test dependencies"));
        }
    }
}
