package signals.core;

/**
 * Signals of the "host application" that plugin fixtures connect to. Public, in an exported
 * package, because plugins compiled at test time live outside this module.
 */
public final class HostSignals {

    /** Sent by the tests; plugins answer it. */
    public static final Signal<String> PLUGIN_PING = Signal.of("plugin_ping", String.class);

    private HostSignals() {
    }
}
