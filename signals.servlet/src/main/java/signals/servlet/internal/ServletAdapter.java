package signals.servlet.internal;

import java.util.List;
import signals.core.Signal;
import signals.core.spi.SignalAdapter;
import signals.servlet.RequestSignals;
import signals.servlet.SignalsFilter;

/**
 * Describes {@code signals.servlet} to {@code signals.core}'s discovery.
 *
 * @since 0.1
 */
public final class ServletAdapter implements SignalAdapter {

    /** Called by {@link java.util.ServiceLoader}. */
    public ServletAdapter() {
    }

    /**
     * Names the host, and says in how many web applications the filter has started: none, once
     * the container is up, means that it is not declared, and that no request signal fires.
     */
    @Override
    public String host() {
        int started = SignalsFilter.startedApplications();
        return "Jakarta Servlet: SignalsFilter declared in web.xml, " + switch (started) {
            case 0 -> "not started in any web application (yet)";
            case 1 -> "started in 1 web application";
            default -> "started in " + started + " web applications";
        };
    }

    @Override
    public List<Signal<?>> signals() {
        return List.of(RequestSignals.REQUEST_STARTED, RequestSignals.REQUEST_FINISHED,
                RequestSignals.GOT_REQUEST_EXCEPTION, RequestSignals.TEMPLATE_RENDERED);
    }
}
