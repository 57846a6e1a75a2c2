package signals.spring;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.context.SmartLifecycle;
import signals.core.ReceiverProvider;
import signals.core.SignalBinding;
import signals.core.SignalConnection;

/**
 * Connects the context's receiver beans while the context runs. A {@link SmartLifecycle}, not an
 * initialising bean, so that the receivers come and go with the context's start and stop, and in a
 * phase below Boot's web server, so that they are connected before the first request is taken and
 * still connected while the last ones finish during a graceful shutdown.
 */
final class ReceiverBeans implements SmartLifecycle {

    /**
     * Lower phases start first and stop last: Boot starts its web server at
     * {@code DEFAULT_PHASE - 2048} ({@code WebServerApplicationContext.START_STOP_LIFECYCLE_PHASE})
     * and stops it gracefully at {@code DEFAULT_PHASE - 1024}.
     */
    static final int PHASE = DEFAULT_PHASE - 4096;

    private final ListableBeanFactory beans;
    private final List<SignalConnection> connections = new ArrayList<>();
    private boolean running;

    ReceiverBeans(ListableBeanFactory beans) {
        this.beans = beans;
    }

    @Override
    public synchronized void start() {
        List<SignalBinding<?>> bindings = bindings();
        try {
            for (SignalBinding<?> binding : bindings) {
                connections.addAll(binding.connect());
            }
        } catch (RuntimeException e) {
            // All or none, as signals.core connects its providers. The bindings were all checked
            // above, so a connect fails only when signals.core refuses every connect, its own
            // discovery having failed, which another thread's first send can make happen midway.
            disconnect();
            throw e;
        }
        running = true;
    }

    @Override
    public synchronized void stop() {
        disconnect();
        running = false;
    }

    @Override
    public synchronized boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }

    /** Everything to connect, checked before anything is: the providers' bindings, then the bindings. */
    private List<SignalBinding<?>> bindings() {
        List<SignalBinding<?>> bindings = new ArrayList<>();
        for (String name : beans.getBeanNamesForType(ReceiverProvider.class)) {
            ReceiverProvider provider = beans.getBean(name, ReceiverProvider.class);
            List<SignalBinding<?>> declared;
            try {
                declared = provider.receivers();
            } catch (RuntimeException e) {
                throw new IllegalStateException(describe(name, provider) + " failed to declare its receivers: " + e, e);
            }
            if (declared == null || declared.stream().anyMatch(Objects::isNull)) {
                throw new IllegalStateException(describe(name, provider) + " returned "
                        + (declared == null ? "null" : "a null binding") + " from receivers()");
            }
            bindings.addAll(declared);
        }
        for (String name : beans.getBeanNamesForType(SignalBinding.class)) {
            bindings.add(beans.getBean(name, SignalBinding.class));
        }
        return bindings;
    }

    private void disconnect() {
        for (int i = connections.size() - 1; i >= 0; i--) {
            connections.get(i).disconnect();
        }
        connections.clear();
    }

    private static String describe(String name, ReceiverProvider provider) {
        return "signals.spring: the ReceiverProvider bean '" + name + "' (" + provider.getClass().getName() + ")";
    }
}
