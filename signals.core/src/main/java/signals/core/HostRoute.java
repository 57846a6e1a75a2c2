package signals.core;

import signals.core.spi.HostEvent;

/** A host event and the route its sender's receivers were found on, once: see {@link HostEvent}. */
final class HostRoute<T> implements HostEvent<T> {

    private final Signal<T> signal;
    private final Object sender;
    private final Index.Route route; // null while receivers are being discovered in this thread

    HostRoute(Signal<T> signal, Object sender, Index.Route route) {
        this.signal = signal;
        this.sender = sender;
        this.route = route;
    }

    @Override
    public boolean isHeard() {
        return Delivery.observed() || route != null && route.anyLive();
    }

    @Override
    public void fire(T payload) {
        signal.fireFromHost(route, sender, payload);
    }

    @Override
    public String toString() {
        return "HostEvent[" + signal.name() + " from " + sender + "]";
    }
}
