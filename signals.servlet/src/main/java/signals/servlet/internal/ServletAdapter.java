package signals.servlet.internal;

import java.util.List;
import signals.core.Signal;
import signals.core.spi.SignalAdapter;
import signals.servlet.RequestSignals;

/**
 * Describes {@code signals.servlet} to {@code signals.core}'s discovery.
 *
 * @since 0.1
 */
public final class ServletAdapter implements SignalAdapter {

    /** Called by {@link java.util.ServiceLoader}. */
    public ServletAdapter() {
    }

    @Override
    public String host() {
        return "Jakarta Servlet: SignalsFilter declared in web.xml";
    }

    @Override
    public List<Signal<?>> signals() {
        return List.of(RequestSignals.REQUEST_STARTED, RequestSignals.REQUEST_FINISHED,
                RequestSignals.GOT_REQUEST_EXCEPTION, RequestSignals.TEMPLATE_RENDERED);
    }
}
