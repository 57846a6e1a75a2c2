package signals.benchmarks;

import org.openjdk.jmh.infra.Blackhole;
import signals.core.Receiver;
import signals.core.Signal;

/**
 * Receivers for the benchmarks: ten kinds, each its own class, each doing the same tiny work.
 */
final class Receivers {

    /** How many receiver classes there are; more than two makes a call site megamorphic. */
    static final int KINDS = 10;

    /** Enough calls for C2 to compile the send paths with the polluted profile. */
    static final int WARM_CALLS = 50_000;

    private Receivers() {
    }

    /**
     * A new receiver instance of kind {@code kind % KINDS}. The ten lambdas are written out on
     * purpose: each lambda expression becomes its own class, which is what a real application's
     * receivers look like to the JIT, whereas one lambda returned ten times would be one class.
     */
    static Receiver<Payload> create(int kind, Blackhole bh) {
        return switch (kind % KINDS) {
            case 0 -> (signal, sender, payload) -> bh.consume(payload);
            case 1 -> (signal, sender, payload) -> bh.consume(payload);
            case 2 -> (signal, sender, payload) -> bh.consume(payload);
            case 3 -> (signal, sender, payload) -> bh.consume(payload);
            case 4 -> (signal, sender, payload) -> bh.consume(payload);
            case 5 -> (signal, sender, payload) -> bh.consume(payload);
            case 6 -> (signal, sender, payload) -> bh.consume(payload);
            case 7 -> (signal, sender, payload) -> bh.consume(payload);
            case 8 -> (signal, sender, payload) -> bh.consume(payload);
            case 9 -> (signal, sender, payload) -> bh.consume(payload);
            default -> throw new AssertionError(kind);
        };
    }

    /** {@code count} new receivers, cycling through the kinds. */
    @SuppressWarnings({"unchecked", "rawtypes"}) // generic array creation; every element is a Receiver<Payload>
    static Receiver<Payload>[] create(int count, Blackhole bh, int firstKind) {
        Receiver<Payload>[] receivers = new Receiver[count];
        for (int i = 0; i < count; i++) {
            receivers[i] = create(firstKind + i, bh);
        }
        return receivers;
    }

    /**
     * Calls the library's send paths and the plain loop with every receiver kind, many times,
     * before measuring. In an application the loop in {@code Signal.fire} sees the receivers of
     * every signal, so its call site is megamorphic; a benchmark fork that only ever sends to one
     * receiver would otherwise measure an inlined, monomorphic call that no real program gets.
     * The plain loop gets the same treatment so that the two are compared in the same state.
     */
    static void polluteSendPaths(Blackhole bh) {
        Receiver<Payload>[] all = create(KINDS, bh, 0);
        Signal<Payload> warm = Signal.of("warm-up", Payload.class);
        for (Receiver<Payload> receiver : all) {
            warm.connect(receiver);
        }
        Payload payload = new Payload(1, "warm-up");
        for (int i = 0; i < WARM_CALLS; i++) {
            warm.fire("warm-up", payload);
            bh.consume(warm.send("warm-up", payload));
            PlainLoop.deliver(all, warm, "warm-up", payload);
        }
    }
}
