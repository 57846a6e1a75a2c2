package signals.servlet;

import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import signals.core.SignalException;
import signals.core.Signals;
import signals.core.spi.ClassLoaders;

/**
 * The receivers of one web application: connected when the first {@link SignalsFilter} of the
 * application starts, disconnected when the last one stops. Kept as a context attribute, so that
 * every instance of the filter in the application shares it.
 *
 * <h2>Which receivers</h2>
 * Those of the {@link signals.core.ReceiverProvider}s the application's class loader sees and
 * that have not run yet: the application's own, when {@code signals.core} sits in the container's
 * shared library; none new, when the application carries {@code signals.core} in its own
 * {@code WEB-INF/lib} (its copy found them at its first send).
 *
 * <h2>What stopping removes</h2>
 * When the container loads the application with a class loader of its own (any container that
 * deploys web archives), everything that loader connected: {@link Signals#disconnectAll(ClassLoader)}.
 * When the container is embedded in the program, with the program's class loader serving the
 * application too, that would cut the program's own receivers, and nothing is removed: the
 * program's providers were found by {@code signals.core}'s first discovery, not at this start.
 */
final class ApplicationReceivers {

    private static final String ATTRIBUTE = ApplicationReceivers.class.getName();
    // Filters start and stop on container threads; joins and leaves of all applications are rare.
    private static final Object LOCK = new Object();
    // Applications of this copy of the library whose first filter has started; under LOCK.
    private static int started;

    private final ServletContext context;
    private final ClassLoader loader;
    private final boolean ownLoader;
    private int filters;

    private ApplicationReceivers(ServletContext context, ClassLoader loader) {
        this.context = context;
        this.loader = loader;
        this.ownLoader = loader != null && !ClassLoaders.isWithin(context.getClass().getClassLoader(), loader);
    }

    /** Called by each filter instance's {@code init}: the first one of the application connects. */
    static ApplicationReceivers join(ServletContext context) throws ServletException {
        synchronized (LOCK) {
            ApplicationReceivers receivers = (ApplicationReceivers) context.getAttribute(ATTRIBUTE);
            if (receivers == null) {
                connect(context);
                receivers = new ApplicationReceivers(context, context.getClassLoader());
                context.setAttribute(ATTRIBUTE, receivers);
                started++;
            }
            receivers.filters++;
            return receivers;
        }
    }

    private static void connect(ServletContext context) throws ServletException {
        ClassLoader loader = context.getClassLoader();
        if (loader == null) {
            return;
        }
        try {
            Signals.discover(loader);
        } catch (SignalException e) {
            throw new ServletException("signals.servlet could not connect the receivers of the web application at '"
                    + context.getContextPath() + "': " + e.getMessage(), e);
        }
    }

    /** Called by each filter instance's {@code destroy}: the last one of the application disconnects. */
    void leave() {
        synchronized (LOCK) {
            if (--filters > 0) {
                return;
            }
            context.removeAttribute(ATTRIBUTE);
            started--;
        }
        if (ownLoader) {
            Signals.disconnectAll(loader);
            JdbcDriver.deregisterIfLoadedBy(loader);
        }
    }

    /** How many applications have a started filter: see {@link SignalsFilter#startedApplications()}. */
    static int started() {
        synchronized (LOCK) {
            return started;
        }
    }
}
