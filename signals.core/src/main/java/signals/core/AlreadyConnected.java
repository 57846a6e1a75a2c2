package signals.core;

import java.util.Optional;

/**
 * What a second {@code connect} of an already connected receiver returns: the existing
 * connection, seen but not owned. Closing it must not disconnect the first caller's
 * receiver, which Django's no-op duplicate connect would never do either.
 */
final class AlreadyConnected implements SignalConnection {
    private final Link link;

    AlreadyConnected(Link link) {
        this.link = link;
    }

    @Override
    public Signal<?> signal() {
        return link.signal();
    }

    @Override
    public Object receiver() {
        return link.receiver();
    }

    @Override
    public Optional<Object> sender() {
        return link.sender();
    }

    @Override
    public Optional<String> dispatchUid() {
        return link.dispatchUid();
    }

    @Override
    public Optional<String> name() {
        return link.name();
    }

    @Override
    public Optional<TransactionPhase> phase() {
        return link.phase();
    }

    @Override
    public String origin() {
        return link.origin();
    }

    @Override
    public boolean isConnected() {
        return link.isConnected();
    }

    /** Leaves the connection alone: it belongs to whoever connected it first. */
    @Override
    public boolean disconnect() {
        return false;
    }

    @Override
    public String toString() {
        return link + " (already connected)";
    }
}
