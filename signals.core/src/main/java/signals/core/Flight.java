package signals.core;

import java.lang.System.Logger.Level;
import java.util.Optional;

/**
 * The one flag every send reads to learn whether JDK Flight Recorder might want its events.
 * This class names no JFR type, so that {@code signals.core} starts on a runtime without the
 * {@code jdk.jfr} module; {@link FlightEvents}, which does, is loaded only once the module is
 * known to be there.
 */
final class Flight {

    /*
     * Why a volatile boolean kept by a FlightRecorderListener, and not EventType.isEnabled() or a
     * jdk.jfr.Event's isEnabled() on every send: those would make every send load JFR classes (or
     * test that they can be loaded) and call into them, and isEnabled() needs the event classes
     * registered, which starts part of JFR in every application. A volatile read is a plain
     * load on x86 and one load-acquire on ARM, and it stays false for the whole life of a JVM that
     * never records: the JIT compiles the recording branch out of the hot loop's way. The flag is
     * a superset of "one of our events is enabled" (true while any recording runs, whatever its
     * settings); FlightEvents tests the events' own isEnabled() behind it, so a running recording
     * that leaves our events off costs two more loads per send and nothing per receiver.
     */
    static volatile boolean recording;

    // Whether FlightEvents registered its listener; false where jdk.jfr is absent.
    private static boolean watched;

    static {
        Optional<Module> jfr = ModuleLayer.boot().findModule("jdk.jfr");
        if (jfr.isPresent()) {
            try {
                Module self = Flight.class.getModule();
                // On the module path `requires static` grants the read edge when jdk.jfr is in the
                // boot layer; in a layer of its own this module may still have to ask for it.
                if (self.isNamed() && !self.canRead(jfr.get())) {
                    self.addReads(jfr.get());
                }
                FlightEvents.watch();
                watched = true;
            } catch (LinkageError | RuntimeException e) {
                Log.CORE.log(Level.DEBUG, "JDK Flight Recorder events of signals are off", e);
            }
        }
    }

    private Flight() {
    }

    /**
     * Stops listening to JDK Flight Recorder: what undeploying this library's own class loader
     * needs, since the recorder would hold the listener, and the loader, for the life of the JVM.
     * The events of this copy stay off afterwards.
     */
    static void stopWatching() {
        if (watched) {
            FlightEvents.unwatch();
        }
    }
}
