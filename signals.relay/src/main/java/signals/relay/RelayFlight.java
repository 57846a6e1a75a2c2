package signals.relay;

import java.lang.System.Logger.Level;
import java.util.Optional;

/**
 * The relay's door to JDK Flight Recorder. This class names no JFR type, so that the module
 * starts on a runtime without {@code jdk.jfr}; {@link RelayEvents}, which does, is loaded only
 * once the module is known to be there.
 */
final class RelayFlight {

    private static final boolean AVAILABLE = available();

    private static int running; // guarded by RelayFlight.class

    private RelayFlight() {
    }

    private static boolean available() {
        Optional<Module> jfr = ModuleLayer.boot().findModule("jdk.jfr");
        if (jfr.isEmpty()) {
            return false;
        }
        try {
            Module self = RelayFlight.class.getModule();
            // `requires static` reads jdk.jfr only when it was resolved at startup; in a layer of
            // its own this module may still have to ask for the edge.
            if (self.isNamed() && !self.canRead(jfr.get())) {
                self.addReads(jfr.get());
            }
            return true;
        } catch (RuntimeException e) {
            Relay.LOG.log(Level.DEBUG, "JDK Flight Recorder events of signals.relay are off", e);
            return false;
        }
    }

    /**
     * A relay started: the first one registers the periodic state event, so that a JVM without
     * relays registers nothing.
     */
    static synchronized void started() {
        if (AVAILABLE && running++ == 0) {
            RelayEvents.watch();
        }
    }

    /** A relay closed: the last one removes the periodic event, which would hold this class loader. */
    static synchronized void stopped() {
        if (AVAILABLE && --running == 0) {
            RelayEvents.unwatch();
        }
    }

    static void skipped(Relay relay, String signal, String id, String from, String reason) {
        if (AVAILABLE) {
            RelayEvents.skipped(relay, signal, id, from, reason);
        }
    }
}
