package signals.core;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.ServiceLoader;
import java.util.function.Predicate;
import signals.core.spi.ClassLoaders;
import signals.core.spi.SignalAdapter;

/**
 * Receiver discovery and introspection: the static entry points that concern every signal at once.
 *
 * <h2>When receivers are discovered</h2>
 * The first time any signal is sent (or {@link #discover()} is called), every {@link ReceiverProvider} and
 * {@link SignalAdapter} visible to {@code signals.core}'s own class loader is found with
 * {@link ServiceLoader}: the providers of the module layer it lives in, and those listed in
 * {@code META-INF/services} on the class path. Each provider runs exactly once, even when several
 * threads send at once (they wait for the first). Providers run in order of module name (the
 * class path first), then class name; their receivers are connected in that order, so they are
 * called in that order too.
 *
 * <p>If a provider cannot be created, throws, or returns null, no receiver of any provider is
 * connected and a {@link SignalException} names the provider class and its module. That failure
 * is final: every later use of a signal throws it again, rather than run half-wired.
 *
 * <h2>Plugins</h2>
 * Receivers in another {@link ModuleLayer} or {@link ClassLoader} (a plugin, a web application)
 * are connected with {@link #discover(ModuleLayer)} or {@link #discover(ClassLoader)}, and
 * disconnected again with {@link #disconnectAll(ModuleLayer)} or {@link #disconnectAll(ClassLoader)},
 * which removes every connection whose receiver, weak owner, sender or connecting class came from
 * there, the providers and adapters found there, the signals declared there, and every cached
 * route. A web application whose own copy of this library holds weak connections to long-lived
 * owners must still call it on undeploy, since the owner is what would free them.
 *
 * @since 0.1
 */
public final class Signals {

    private Signals() {
    }

    /**
     * Runs receiver discovery now, if it has not run yet, so that a broken provider fails startup
     * rather than the first send.
     *
     * @throws SignalException if a provider or adapter cannot be created or fails
     */
    public static void discover() {
        Discovery.ensureDone();
    }

    /**
     * Connects the receivers of the providers that a class loader sees and that have not run
     * yet, for example a web application's. Adapters it sees are found too. A provider that the
     * loader lists but that implements another copy of {@code signals.core} (one a parent loader
     * holds, while the application carries its own) is left to that copy, with one warning.
     *
     * @param loader the class loader, not null
     * @return the connections made
     * @throws NullPointerException if the loader is null
     * @throws SignalException if a provider or adapter cannot be created or fails; then nothing
     *     of this call is connected
     */
    public static List<SignalConnection> discover(ClassLoader loader) {
        Objects.requireNonNull(loader, "loader");
        return Discovery.discover(ServiceLoader.load(ReceiverProvider.class, loader),
                ServiceLoader.load(SignalAdapter.class, loader), loader);
    }

    /**
     * Connects the receivers of the providers in a module layer (and its parents) that have not
     * run yet, for example a plugin's.
     *
     * @param layer the layer, not null
     * @return the connections made
     * @throws NullPointerException if the layer is null
     * @throws SignalException if a provider or adapter cannot be created or fails; then nothing
     *     of this call is connected
     */
    public static List<SignalConnection> discover(ModuleLayer layer) {
        Objects.requireNonNull(layer, "layer");
        return Discovery.discover(ServiceLoader.load(layer, ReceiverProvider.class),
                ServiceLoader.load(layer, SignalAdapter.class), null);
    }

    /**
     * Disconnects every receiver whose class, weak owner or sender comes from a class loader or
     * one of its descendants, whoever connected it, and forgets that loader's providers and
     * adapters: what a container does when it undeploys an application. When this library
     * itself was loaded by that loader (a web application carrying it in {@code WEB-INF/lib}), it
     * also stops listening to JDK Flight Recorder, which would otherwise keep the loader alive;
     * its flight-recorder events stay off from then on.
     *
     * @param loader the class loader, not null
     * @return how many connections were removed
     * @throws NullPointerException if the loader is null
     */
    public static int disconnectAll(ClassLoader loader) {
        Objects.requireNonNull(loader, "loader");
        Discovery.ensureDone();
        int removed = Discovery.forget(type -> ClassLoaders.isWithin(type.getClassLoader(), loader));
        ClassLoader own = Signals.class.getClassLoader();
        if (own != null && ClassLoaders.isWithin(own, loader)) {
            Flight.stopWatching();
        }
        return removed;
    }

    /**
     * Disconnects every receiver whose class, weak owner or sender is in a module of a layer or
     * of its descendants, and forgets that layer's providers and adapters.
     *
     * @param layer the layer, not null
     * @return how many connections were removed
     * @throws NullPointerException if the layer is null
     */
    public static int disconnectAll(ModuleLayer layer) {
        Objects.requireNonNull(layer, "layer");
        Discovery.ensureDone();
        Predicate<Class<?>> inLayer = type -> isWithin(type.getModule().getLayer(), layer);
        int removed = Discovery.forget(inLayer);
        if (inLayer.test(Signals.class)) {
            Flight.stopWatching();
        }
        return removed;
    }

    /**
     * Finds the known signals of a name. A signal is known once the class that declares it has
     * been initialized; the built-in signals of every adapter found are always known.
     *
     * @param name a signal name, such as {@code "template_rendered"}, not null
     * @return the signals of that name; usually one, empty if none is known
     * @throws NullPointerException if the name is null
     */
    public static List<Signal<?>> find(String name) {
        Objects.requireNonNull(name, "name");
        discover();
        List<Signal<?>> found = new ArrayList<>();
        for (Signal<?> signal : Catalogue.known()) {
            if (signal.name().equals(name)) {
                found.add(signal);
            }
        }
        return found;
    }

    /**
     * Describes the adapters found, every known signal and its receivers.
     *
     * @return a snapshot
     */
    public static Inventory inventory() {
        discover();
        List<Inventory.Adapter> adapters = new ArrayList<>();
        for (Catalogue.Installed installed : Catalogue.adapters()) {
            List<String> names = new ArrayList<>();
            installed.signals().forEach(signal -> names.add(signal.name()));
            adapters.add(new Inventory.Adapter(Descriptions.where(installed.adapter().getClass()),
                    installed.adapter().host(), names));
        }
        List<Signal<?>> known = Catalogue.known();
        known.sort(Comparator.comparing((Signal<?> s) -> s.name()).thenComparing(s -> s.payloadType().getName()));
        List<Inventory.SignalEntry> signals = new ArrayList<>();
        for (Signal<?> signal : known) {
            List<Inventory.ReceiverEntry> receivers = new ArrayList<>();
            for (Link link : signal.links()) {
                Object listensTo = link.listensTo();
                if (!link.isLive()) {
                    continue;
                }
                String sender = listensTo == null ? null : listensTo + (link.subclasses ? " and subclasses" : "");
                String phase = link.phase == null ? null
                        : link.phase.text() + (link.onlyInTransaction ? ", only in a transaction" : "");
                receivers.add(new Inventory.ReceiverEntry(Descriptions.receiver(link), sender, link.uid,
                        link.origin(), phase));
            }
            signals.add(new Inventory.SignalEntry(signal.name(), signal.payloadType().getName(),
                    signal.firedBy().orElse(null), signal.firedBy().isEmpty() || Catalogue.adapterFound(signal),
                    receivers));
        }
        return new Inventory(adapters, signals);
    }

    private static boolean isWithin(ModuleLayer candidate, ModuleLayer ancestor) {
        if (candidate == null) {
            return false;
        }
        if (candidate == ancestor) {
            return true;
        }
        for (ModuleLayer parent : candidate.parents()) {
            if (isWithin(parent, ancestor)) {
                return true;
            }
        }
        return false;
    }
}
