package signals.core;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.WeakHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Predicate;
import signals.core.ProviderLoader.Found;
import signals.core.spi.SignalAdapter;
import signals.core.spi.TransactionHost;

/**
 * Receiver discovery, with one visible state: {@code NEW}, {@code RUNNING}, {@code DONE} or
 * {@code FAILED}.
 *
 * <p>Every signal starts {@linkplain Index#PENDING pending}. The first send of any signal runs the
 * default round: every {@link ReceiverProvider} and {@link SignalAdapter} visible to this
 * module's class loader (its module layer and the class path). Other senders wait for it, for a
 * bounded time; the discovering thread itself may not send, because a send then would miss
 * receivers that are not connected yet. Connecting never waits: a class initializer that connects
 * while a provider needs its class would otherwise deadlock. When the round is done, every known
 * signal stops being pending, so the send path never looks at this class again.
 *
 * <p>A failed round is final: every later use of a signal throws the same error, so a broken
 * deployment cannot run half-wired.
 */
final class Discovery {

    private enum State { NEW, RUNNING, DONE, FAILED }

    private static final ReentrantLock ROUND = new ReentrantLock();
    private static final long WAIT_SECONDS = 60;

    // Provider and adapter classes that a round has run, so that no later round runs them
    // again; weak, so that remembering them never pins a plugin's class loader. Under ROUND.
    private static final Map<Class<?>, Boolean> ALREADY_RUN = new WeakHashMap<>();

    private static volatile State state = State.NEW;
    private static volatile Thread discoverer;        // the thread running a round, or null
    private static volatile String inProgress = "";    // the provider it is running, for messages
    private static volatile SignalException failure;

    private Discovery() {
    }

    /**
     * Records a new signal. Once discovery has run, the signal needs none: it is flipped here,
     * under the same lock as the flip of every known signal, so none is ever missed.
     */
    static void register(Signal<?> signal) {
        synchronized (Catalogue.LOCK) {
            Catalogue.remember(signal);
            if (state == State.DONE) {
                signal.discoveryDone();
            }
        }
    }

    /**
     * Before a pending signal is used: runs or waits for the default round. From the thread that
     * runs it, a send is an error (receivers are missing) and a query just proceeds.
     */
    static void awaitBeforeUse(Signal<?> signal, boolean sending) {
        if (discoverer == Thread.currentThread()) {
            if (sending) {
                throw new IllegalStateException("signal '" + signal.name() + "' was sent while receivers were"
                        + " being discovered, from " + inProgress + "; a ReceiverProvider only declares receivers,"
                        + " send from a receiver or after startup instead");
            }
            return;
        }
        ensureDone();
    }

    /** Connecting never waits for discovery (that could deadlock a class initializer); it only fails after it. */
    static void beforeConnect() {
        if (state == State.FAILED) {
            throw failed();
        }
    }

    /** Runs the default round if nobody has, or waits for it; a no-op inside it. */
    static void ensureDone() {
        State current = state;
        if (current == State.DONE || discoverer == Thread.currentThread()) {
            return;
        }
        if (current == State.FAILED) {
            throw failed();
        }
        lock();
        boolean ran;
        try {
            ran = runDefault();
        } finally {
            ROUND.unlock();
        }
        warnForMissingAdapters();
        if (ran) {
            ClassPathCheck.warnAboutHiddenProviders();
        }
    }

    /** Runs the default round unless another thread did; true if this call ran it. */
    private static boolean runDefault() {
        if (state == State.FAILED) {
            throw failed();
        }
        if (state == State.DONE) {
            return false;
        }
        state = State.RUNNING;
        discoverer = Thread.currentThread();
        try {
            ClassLoader loader = Discovery.class.getClassLoader();
            if (loader == null) {
                loader = ClassLoader.getSystemClassLoader();
            }
            round(ServiceLoader.load(ReceiverProvider.class, loader), ServiceLoader.load(SignalAdapter.class, loader),
                    loader);
            synchronized (Catalogue.LOCK) {
                for (Signal<?> signal : Catalogue.known()) {
                    signal.discoveryDone();
                }
                state = State.DONE;
            }
            return true;
        } catch (RuntimeException | Error e) {
            failure = e instanceof SignalException ? (SignalException) e
                    : new SignalException("receiver discovery failed: " + e, e);
            state = State.FAILED;
            throw failure;
        } finally {
            discoverer = null;
            inProgress = "";
        }
    }

    /**
     * Takes the discovery lock, but not forever: a thread that waits for discovery while holding
     * a class initialization that a provider needs would otherwise hang the JVM in silence.
     */
    private static void lock() {
        try {
            if (!ROUND.tryLock(WAIT_SECONDS, TimeUnit.SECONDS)) {
                throw new SignalException("waited " + WAIT_SECONDS + " s for receiver discovery, still running "
                        + inProgress + "; a static initializer that sends a signal while a ReceiverProvider needs"
                        + " its class deadlocks this way: send after startup instead", null);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SignalException("interrupted while waiting for receiver discovery", e);
        }
    }

    /**
     * An explicit round for another class loader or layer; the default round runs first.
     * {@code listing} is the class loader whose services files are read, null for a layer.
     */
    static List<SignalConnection> discover(ServiceLoader<ReceiverProvider> providers, ServiceLoader<SignalAdapter> adapters,
                                           ClassLoader listing) {
        ensureDone();
        List<SignalConnection> connected;
        lock();
        try {
            connected = round(providers, adapters, listing);
        } finally {
            inProgress = "";
            ROUND.unlock();
        }
        warnForMissingAdapters();
        return connected;
    }

    /**
     * Runs new adapters and providers: all of them declare first, then everything connects, so
     * a failure leaves nothing half-connected.
     */
    private static List<SignalConnection> round(ServiceLoader<ReceiverProvider> providerLoader,
                                          ServiceLoader<SignalAdapter> adapterLoader, ClassLoader listing) {
        List<Catalogue.Installed> adapters = new ArrayList<>();
        for (Found<SignalAdapter> adapter : load(SignalAdapter.class, adapterLoader, listing)) {
            adapters.add(installed(adapter));
        }
        List<Found<ReceiverProvider>> providers = load(ReceiverProvider.class, providerLoader, listing);
        Map<Signal<?>, List<Link>> links = new LinkedHashMap<>();
        for (Found<ReceiverProvider> provider : providers) {
            Origin origin = Origin.provider(provider.type());
            for (SignalBinding<?> binding : declared(provider)) {
                for (Signal<?> signal : binding.signals()) {
                    links.computeIfAbsent(signal, s -> new ArrayList<>()).add(binding.link(signal, origin));
                }
            }
        }
        // The round's adapters are known before its receivers connect, so that a plugin that
        // brings both is not warned about a missing adapter.
        Catalogue.addAdapters(adapters);
        List<SignalConnection> connected = new ArrayList<>();
        links.forEach((signal, mine) -> connected.addAll(signal.connectAll(mine)));
        adapters.forEach(adapter -> ALREADY_RUN.put(adapter.adapter().getClass(), Boolean.TRUE));
        providers.forEach(provider -> ALREADY_RUN.put(provider.type(), Boolean.TRUE));
        return connected;
    }

    private static <S> List<Found<S>> load(Class<S> service, ServiceLoader<S> loader, ClassLoader listing) {
        try {
            return ProviderLoader.load(service, loader, listing, ALREADY_RUN::containsKey);
        } catch (IllegalStateException e) {
            throw new SignalException(e.getMessage(), e.getCause());
        }
    }

    private static List<SignalBinding<?>> declared(Found<ReceiverProvider> provider) {
        inProgress = "ReceiverProvider " + provider.describe();
        List<SignalBinding<?>> bindings;
        try {
            bindings = provider.instance().receivers();
        } catch (RuntimeException | LinkageError e) {
            throw new SignalException("ReceiverProvider " + provider.describe() + " threw " + e, e);
        }
        return noNulls(bindings, "ReceiverProvider " + provider.describe(), "receivers()", "returned a null binding");
    }

    private static Catalogue.Installed installed(Found<SignalAdapter> adapter) {
        inProgress = "SignalAdapter " + adapter.describe();
        List<Signal<?>> signals;
        TransactionHost transactions;
        try {
            adapter.instance().host();
            signals = adapter.instance().signals();
            transactions = adapter.instance().transactionHost();
        } catch (RuntimeException | LinkageError e) {
            throw new SignalException("SignalAdapter " + adapter.describe() + " threw " + e, e);
        }
        noNulls(signals, "SignalAdapter " + adapter.describe(), "signals()", "lists a null signal");
        return new Catalogue.Installed(adapter.instance(), List.copyOf(signals), transactions);
    }

    /** What a provider or adapter returned, refused if it or any element is null, naming who. */
    private static <E> List<E> noNulls(List<E> list, String who, String method, String nullElement) {
        if (list == null) {
            throw new SignalException(who + " returned null from " + method, null);
        }
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i) == null) {
                throw new SignalException(who + " " + nullElement + " at index " + i, null);
            }
        }
        return list;
    }

    static void warnIfAdapterMissing(Signal<?> signal) {
        if (state == State.DONE) {
            Catalogue.warnIfAdapterMissing(signal);
        }
    }

    private static void warnForMissingAdapters() {
        for (Signal<?> signal : Catalogue.known()) {
            if (signal.links().length > 0) {
                warnIfAdapterMissing(signal);
            }
        }
    }

    /** Disconnects and forgets whatever holds a class from a place (a loader or a layer). */
    static int forget(Predicate<Class<?>> place) {
        int removed = 0;
        for (Signal<?> signal : Catalogue.known()) {
            removed += signal.disconnectCounting(link -> link.holdsClassFrom(place));
            signal.forgetCachedRoutes();
        }
        lock();
        try {
            ALREADY_RUN.keySet().removeIf(place);
            Catalogue.forgetAdapters(place);
        } finally {
            ROUND.unlock();
        }
        Catalogue.forgetSignals(place);
        return removed;
    }

    private static SignalException failed() {
        SignalException first = failure;
        return new SignalException("receiver discovery failed earlier, so no signal can be used: "
                + first.getMessage(), first);
    }
}
