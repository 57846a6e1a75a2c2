package signals.jpa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URL;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * The check of this module's service files, which a shaded jar can lose: Hibernate then never
 * calls the module, which nevertheless sits on the class path and in the inventory.
 */
class ServiceFilesTests {

    @Test
    void theModulesOwnLoaderFindsEveryServiceFile() {
        assertEquals(List.of(), ServiceFiles.missing(ModelSignals.class.getClassLoader()));
    }

    @Test
    void aJarThatLostItsHibernateServiceFilesIsReportedWithWhatStopsFiring() {
        List<String> missing = ServiceFiles.missing(hiding(file -> file.contains("org.hibernate")));

        assertEquals(3, missing.size(), missing.toString());
        assertTrue(missing.get(0).startsWith("META-INF/services/org.hibernate.integrator.spi.Integrator does not list"
                + " signals.jpa.internal.SignalsIntegrator, so Hibernate never calls it"), missing.get(0));
        assertTrue(missing.get(1).contains("pre_migrate and post_migrate never fire"), missing.get(1));
        assertTrue(missing.get(2).contains("TransactionSignalsContributor, so receivers connected to a transaction"
                + " phase run at once"), missing.get(2));
    }

    @Test
    void aJarThatLostEveryServiceFileIsReportedInOneMessage() {
        List<String> missing = ServiceFiles.missing(hiding(file -> true));

        assertEquals(4, missing.size(), missing.toString());
        String message = ServiceFiles.message(missing);
        assertTrue(message.startsWith("signals.jpa is on the class path without its service files (a repackaged or"
                + " shaded jar must keep or merge META-INF/services): "), message);
        assertTrue(message.contains("signals.core.spi.SignalAdapter does not list signals.jpa.internal.JpaAdapter"),
                message);
    }

    /** This module's loader, as a shaded jar would show it: some service files gone. */
    private static ClassLoader hiding(Predicate<String> lost) {
        ClassLoader real = ModelSignals.class.getClassLoader();
        return new ClassLoader(real) {
            @Override
            public Enumeration<URL> getResources(String name) throws IOException {
                if (name.startsWith("META-INF/services/") && lost.test(name)) {
                    return Collections.emptyEnumeration();
                }
                return real.getResources(name);
            }
        };
    }
}
