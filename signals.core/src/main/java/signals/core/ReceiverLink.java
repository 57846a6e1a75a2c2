package signals.core;

/** A {@link Receiver}, called directly by the hot loop. */
final class ReceiverLink extends Link {
    private final Receiver<Object> receiver;

    @SuppressWarnings("unchecked") // the payload is checked against the signal's type before any call
    ReceiverLink(Signal<?> signal, Receiver<?> receiver, ConnectOption.Parsed options, Origin origin) {
        super(signal, options, origin);
        this.receiver = (Receiver<Object>) receiver;
    }

    @Override
    public Object receiver() {
        return receiver;
    }

    @Override
    Receiver<Object> target() {
        return receiver;
    }

    @Override
    Object reply(Signal<?> signal, Object sender, Object payload) throws Exception {
        receiver.receive(signal, sender, payload);
        return null;
    }
}
