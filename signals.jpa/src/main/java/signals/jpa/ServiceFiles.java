package signals.jpa;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.System.Logger.Level;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;

/**
 * Checks, once, that the services this module provides can be found: on the class path a
 * repackaged (shaded) jar that dropped or overwrote {@code META-INF/services} leaves the module
 * present, listed, and silent, since Hibernate then never calls it.
 *
 * <p>It runs when {@link ModelSignals} is initialized, the first moment the module is used: an
 * application connecting a receiver, discovery reading the adapter, or Hibernate's integrator.
 * On the module path the descriptor's {@code provides} are what count, and they cannot be lost
 * apart from the classes.
 */
final class ServiceFiles {

    /** Each service this module provides, and its provider. */
    private static final String[][] PROVIDED = {
        {"org.hibernate.integrator.spi.Integrator", "signals.jpa.internal.SignalsIntegrator",
            "Hibernate never calls it: no model signal and no class_prepared fires"},
        {"org.hibernate.service.spi.ServiceContributor", "signals.jpa.internal.SchemaSignalsContributor",
            "pre_migrate and post_migrate never fire"},
        {"org.hibernate.service.spi.ServiceContributor", "signals.jpa.internal.TransactionSignalsContributor",
            "receivers connected to a transaction phase run at once, as if no transaction were open"},
        {"signals.core.spi.SignalAdapter", "signals.jpa.internal.JpaAdapter",
            "signals.core does not list the module and warns that it is missing"},
    };

    private ServiceFiles() {
    }

    static void warnIfMissing() {
        if (ModelSignals.class.getModule().isNamed()) {
            return;
        }
        List<String> missing = missing(ModelSignals.class.getClassLoader());
        if (!missing.isEmpty()) {
            System.getLogger("signals.jpa").log(Level.WARNING, () -> message(missing));
        }
    }

    static String message(List<String> missing) {
        return "signals.jpa is on the class path without its service files (a repackaged or shaded jar must keep"
                + " or merge META-INF/services): " + String.join("; ", missing);
    }

    /** What the loader cannot find, one sentence per service file; empty when all are there. */
    static List<String> missing(ClassLoader loader) {
        List<String> missing = new ArrayList<>();
        for (String[] service : PROVIDED) {
            if (!lists(loader, "META-INF/services/" + service[0], service[1])) {
                missing.add("META-INF/services/" + service[0] + " does not list " + service[1] + ", so "
                        + service[2]);
            }
        }
        return missing;
    }

    private static boolean lists(ClassLoader loader, String file, String provider) {
        try {
            Enumeration<URL> files = loader.getResources(file);
            while (files.hasMoreElements()) {
                try (BufferedReader lines = new BufferedReader(
                        new InputStreamReader(files.nextElement().openStream(), StandardCharsets.UTF_8))) {
                    if (lines.lines().map(ServiceFiles::withoutComment).anyMatch(provider::equals)) {
                        return true;
                    }
                }
            }
            return false;
        } catch (IOException e) {
            return true;   // unreadable is not missing: this check must never break the module
        }
    }

    private static String withoutComment(String line) {
        int hash = line.indexOf('#');
        return (hash < 0 ? line : line.substring(0, hash)).strip();
    }
}
