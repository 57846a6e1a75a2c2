package signals.core;

/**
 * The one logger of this module, {@code System.Logger} {@code signals.core}: what the library
 * reports on its own (a provider the class path hides, an adapter missing, a robust send's
 * failure, Flight Recorder's events off). Any {@code System.Logger} backend receives it.
 */
final class Log {

    static final System.Logger CORE = System.getLogger("signals.core");

    private Log() {
    }
}
