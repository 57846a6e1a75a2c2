package signals.benchmarks;

import signals.core.Receiver;
import signals.core.Signal;

/**
 * The baseline: the loop an application would write by hand over its own array of receivers.
 *
 * <p>It is a method of its own, not the body of the benchmark method, for the same reason
 * {@code Signal.fire} is: JMH inlines the benchmark method into its measuring loop from the first
 * (profiling) compilation on, so a loop written there would keep updating its type profile with
 * the one receiver class of the run and end up inlined, while the library's loop, warmed with
 * every receiver class, makes a real call. Both loops must be in the same state to compare them.
 */
final class PlainLoop {

    private PlainLoop() {
    }

    /**
     * Calls every receiver in order. A receiver may throw a checked exception, so a hand-written
     * loop has to deal with it too, just as {@code Signal.fire} does.
     */
    static void deliver(Receiver<Payload>[] receivers, Signal<Payload> signal, Object sender, Payload payload) {
        try {
            for (Receiver<Payload> receiver : receivers) {
                receiver.receive(signal, sender, payload);
            }
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
