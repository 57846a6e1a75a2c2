package signals.servlet.app;

import jakarta.servlet.ServletContext;
import java.util.List;
import java.util.Queue;
import signals.core.ReceiverProvider;
import signals.core.SignalBinding;
import signals.servlet.RequestSignals;

/**
 * The receivers of a test web application, packed into a jar in its {@code WEB-INF/lib}: they
 * write what they hear to the queue the test put in the context attribute {@value #EVENTS}.
 */
public final class AppReceivers implements ReceiverProvider {

    /** The context attribute holding a {@code Queue<String>}, set by the test. */
    public static final String EVENTS = "test.events";

    /** Called by ServiceLoader. */
    public AppReceivers() {
    }

    @Override
    public List<SignalBinding<?>> receivers() {
        return List.of(
                SignalBinding.receiver(RequestSignals.REQUEST_STARTED, RequestSignals.ofOwnApplication(
                        (signal, sender, started) -> events(sender).add("started " + started.request().getRequestURI()))),
                SignalBinding.receiver(RequestSignals.REQUEST_FINISHED, RequestSignals.ofOwnApplication(
                        (signal, sender, finished) -> events(sender).add("finished " + finished.request().getRequestURI()))));
    }

    @SuppressWarnings("unchecked")
    private static Queue<String> events(Object sender) {
        return (Queue<String>) ((ServletContext) sender).getAttribute(EVENTS);
    }
}
