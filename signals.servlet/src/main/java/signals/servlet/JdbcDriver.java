package signals.servlet;

import signals.core.spi.ClassLoaders;
import signals.jdbc.SignalsDriver;

/**
 * Deregisters the {@code jdbc:signals:} driver of a stopping application, when
 * {@code signals.jdbc} is there at all: this module only {@code requires static} it, so
 * {@link SignalsDriver} is touched only after checking that it can be.
 */
final class JdbcDriver {

    private JdbcDriver() {
    }

    /**
     * Deregisters the driver if the application's class loader loaded it. A driver from a
     * shared library serves other applications too, and stays.
     */
    static void deregisterIfLoadedBy(ClassLoader application) {
        if (ClassLoaders.canUse(JdbcDriver.class, "signals.jdbc", "signals/jdbc/SignalsDriver.class")
                && ClassLoaders.isWithin(Registered.loader(), application)) {
            Registered.deregister();
        }
    }

    /** The only class that names SignalsDriver, so that it is linked only when present. */
    private static final class Registered {

        static ClassLoader loader() {
            return SignalsDriver.class.getClassLoader();
        }

        static void deregister() {
            SignalsDriver.deregister();
        }
    }
}
