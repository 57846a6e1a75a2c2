package signals.core;

/** A {@link Responder}; {@link Signal#fire} drops its answer, once a stage has completed. */
final class ResponderLink extends Link {
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
        return null; // it may answer with a stage, which only Delivery.collect waits for
    }

    @Override
    Object reply(Signal<?> signal, Object sender, Object payload) throws Exception {
        return responder.respond(signal, sender, payload);
    }
}
