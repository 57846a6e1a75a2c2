package signals.relay;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.FlightRecorder;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.Period;
import jdk.jfr.StackTrace;

/**
 * The JDK Flight Recorder events of {@code signals.relay}: {@code signals.RelayState}, each
 * running relay's counts every second, and {@code signals.RelaySkip}, one per malformed message.
 * Only {@link RelayFlight} loads this class, and only when {@code jdk.jfr} is present.
 */
final class RelayEvents {

    private static final Runnable HOOK = RelayEvents::emitStates;

    private RelayEvents() {
    }

    static void watch() {
        FlightRecorder.addPeriodicEvent(StateEvent.class, HOOK);
    }

    static void unwatch() {
        FlightRecorder.removePeriodicEvent(HOOK);
    }

    private static void emitStates() {
        for (Relay relay : Relay.running()) {
            RelayState state = relay.state();
            StateEvent event = new StateEvent();
            event.application = relay.application();
            event.instance = relay.instanceId();
            event.relayed = state.relayed();
            event.waiting = state.waiting();
            event.dropped = state.dropped();
            event.received = state.received();
            event.duplicates = state.duplicates();
            event.skipped = state.skipped();
            event.behind = state.behind();
            event.commit();
        }
    }

    static void skipped(Relay relay, String signal, String id, String from, String reason) {
        SkipEvent event = new SkipEvent();
        if (event.isEnabled()) {
            event.application = relay.application();
            event.instance = relay.instanceId();
            event.signal = signal;
            event.messageId = id;
            event.from = from;
            event.reason = reason;
            event.commit();
        }
    }

    @Name("signals.RelayState")
    @Label("Relay State")
    @Category("Signals")
    @Description("A running relay's counts since it started, every second")
    @Period("1 s")
    @StackTrace(false)
    static final class StateEvent extends Event {
        @Label("Application")
        String application;

        @Label("Instance")
        String instance;

        @Label("Relayed")
        @Description("Sends of this instance that the broker stored")
        long relayed;

        @Label("Waiting")
        @Description("Sends of this instance queued and not yet stored")
        long waiting;

        @Label("Dropped")
        @Description("Sends of this instance that were not relayed")
        long dropped;

        @Label("Received")
        @Description("Sends of other instances delivered to this instance's receivers")
        long received;

        @Label("Duplicates")
        @Description("Deliveries of a send already delivered, dropped")
        long duplicates;

        @Label("Skipped")
        @Description("Malformed messages from the broker, logged and skipped")
        long skipped;

        @Label("Behind")
        @Description("Messages the broker holds for this instance, not delivered yet; -1 when unknown")
        long behind;
    }

    @Name("signals.RelaySkip")
    @Label("Relay Skip")
    @Category("Signals")
    @Description("A message from the broker that the relay could not read, logged and skipped")
    @StackTrace(false)
    static final class SkipEvent extends Event {
        @Label("Application")
        String application;

        @Label("Instance")
        String instance;

        @Label("Signal")
        @Description("The signal's name, when the message names one")
        String signal;

        @Label("Message Id")
        String messageId;

        @Label("From")
        @Description("The sending instance, when the message names one")
        String from;

        @Label("Reason")
        String reason;
    }
}
