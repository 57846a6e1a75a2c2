package signals.core;

import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import signals.core.spi.SignalAdapter;
import signals.core.spi.TransactionHost;

/**
 * What is known, for introspection and warnings: every declared signal, and the adapters that
 * discovery found. {@link Discovery} fills it; {@link Signals#inventory()} and
 * {@link Signals#find} read it.
 */
final class Catalogue {

    /** Guards the known signals; {@link Discovery} also flips them out of pending under it. */
    static final Object LOCK = new Object();

    // Weak: a signal declared by a plugin must not pin the plugin's class loader.
    private static final Map<Signal<?>, Boolean> KNOWN = new WeakHashMap<>(); // under LOCK
    // By module name: one warning per missing adapter, not one per signal it would fire.
    private static final Set<String> WARNED = ConcurrentHashMap.newKeySet();
    private static final List<Installed> ADAPTERS = new CopyOnWriteArrayList<>();
    // Read on each send to a receiver with a transaction phase: an array, rebuilt when adapters change.
    private static volatile TransactionHost[] hosts = new TransactionHost[0];

    private Catalogue() {
    }

    /** An adapter found by discovery, with the signals it said it fires and its transactions, if any. */
    record Installed(SignalAdapter adapter, List<Signal<?>> signals, TransactionHost transactions) {
    }

    /** Records a new signal; only under {@link #LOCK}. */
    static void remember(Signal<?> signal) {
        KNOWN.put(signal, Boolean.TRUE);
    }

    static List<Signal<?>> known() {
        synchronized (LOCK) {
            return new ArrayList<>(KNOWN.keySet());
        }
    }

    static void forgetSignals(Predicate<Class<?>> place) {
        synchronized (LOCK) {
            KNOWN.keySet().removeIf(signal -> signal.declaredIn(place));
        }
    }

    static void addAdapters(List<Installed> adapters) {
        ADAPTERS.addAll(adapters);
        findHosts();
    }

    static void forgetAdapters(Predicate<Class<?>> place) {
        ADAPTERS.removeIf(installed -> place.test(installed.adapter().getClass()));
        findHosts();
    }

    /** The adapters' transaction hosts, in the order the adapters were found. */
    static TransactionHost[] transactionHosts() {
        return hosts;
    }

    private static synchronized void findHosts() {
        List<TransactionHost> found = new ArrayList<>();
        for (Installed adapter : ADAPTERS) {
            if (adapter.transactions() != null) {
                found.add(adapter.transactions());
            }
        }
        hosts = found.toArray(new TransactionHost[0]);
    }

    static List<Installed> adapters() {
        return List.copyOf(ADAPTERS);
    }

    static boolean adapterFound(Signal<?> signal) {
        for (Installed adapter : ADAPTERS) {
            if (adapter.signals().contains(signal)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Warns, once per adapter module, that built-in signals have receivers but no adapter fires
     * them; the warning names every signal of that module that has receivers by then.
     */
    static void warnIfAdapterMissing(Signal<?> signal) {
        if (signal.firedBy().isEmpty() || adapterFound(signal)) {
            return;
        }
        String module = signal.firedBy().get();
        if (!WARNED.add(module)) {
            return;
        }
        List<String> heard = new ArrayList<>();
        for (Signal<?> known : known()) {
            if (known.firedBy().equals(signal.firedBy()) && (known == signal || known.links().length > 0)) {
                heard.add("'" + known.name() + "'");
            }
        }
        Collections.sort(heard);
        Log.CORE.log(Level.WARNING, () -> "Receivers are connected to " + String.join(", ", heard)
                + ", which module " + module + " fires, but no SignalAdapter of " + module + " was found:"
                + " add " + module + " to the module path or class path (a repackaged jar must keep its"
                + " META-INF/services/signals.core.spi.SignalAdapter); until then nothing fires them");
    }
}
