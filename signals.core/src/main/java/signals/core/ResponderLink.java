package signals.core;

/** A {@link Responder}; {@link Signal#fire} drops its answer. */
final class ResponderLink extends Link implements Receiver<Object> {
    private final Responder<Object> responder;

    @SuppressWarnings("unchecked") // as for ReceiverLink
    ResponderLink(Signal<?> signal, Responder<?> responder, ConnectOption.Parsed options, Origin origin) {
        super(signal, options, origin);
        this.responder = (Responder<Object>) responder;
    }

    @Override
    public Object receiver() {
        return responder;
    }

    @Override
    Receiver<Object> target() {
        return this;
    }

    @Override
    public void receive(Signal<?> signal, Object sender, Object payload) throws Exception {
        Stages.await(responder.respond(signal, sender, payload));
    }

    @Override
    Object reply(Signal<?> signal, Object sender, Object payload) throws Exception {
        return responder.respond(signal, sender, payload);
    }
}
