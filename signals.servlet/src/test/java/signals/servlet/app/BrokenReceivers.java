package signals.servlet.app;

import java.util.List;
import signals.core.ReceiverProvider;
import signals.core.SignalBinding;

/** A receiver provider that fails, as one with a bug in its setup would. */
public final class BrokenReceivers implements ReceiverProvider {

    /** Called by ServiceLoader. */
    public BrokenReceivers() {
    }

    @Override
    public List<SignalBinding<?>> receivers() {
        throw new IllegalStateException("no database configured");
    }
}
