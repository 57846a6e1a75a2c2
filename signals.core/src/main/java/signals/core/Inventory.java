package signals.core;

import java.util.List;

/**
 * What is installed and connected, for people: the adapters found, every known signal by its
 * name, and each signal's receivers with who connected them. {@link #toString()} prints it as a
 * readable report.
 *
 * <pre>{@code
 * System.out.println(Signals.inventory());
 * }</pre>
 *
 * @param adapters the adapter modules found, in discovery order
 * @param signals every known signal, by name
 * @since 0.1
 */
public record Inventory(List<Adapter> adapters, List<SignalEntry> signals) {

    /**
     * Creates an inventory; the lists are copied.
     *
     * @param adapters the adapters, not null
     * @param signals the signals, not null
     */
    public Inventory {
        adapters = List.copyOf(adapters);
        signals = List.copyOf(signals);
    }

    /**
     * One adapter module.
     *
     * @param type the adapter class and its module
     * @param host what it fires signals from
     * @param signals the names of the signals it fires
     */
    public record Adapter(String type, String host, List<String> signals) {

        /**
         * Creates an entry; the list is copied.
         *
         * @param type the adapter class and its module, not null
         * @param host what it fires signals from, not null
         * @param signals the names of its signals, not null
         */
        public Adapter {
            signals = List.copyOf(signals);
        }
    }

    /**
     * One signal.
     *
     * @param name the signal's name
     * @param payloadType the payload class name
     * @param firedBy the module that fires it, or null for an application's own signal
     * @param adapterFound whether that module's adapter was found; true for an application's own signal
     * @param receivers its live receivers, in connection order
     */
    public record SignalEntry(String name, String payloadType, String firedBy, boolean adapterFound,
                              List<ReceiverEntry> receivers) {

        /**
         * Creates an entry; the list is copied.
         *
         * @param name the signal's name, not null
         * @param payloadType the payload class name, not null
         * @param firedBy the module that fires it, or null
         * @param adapterFound whether its adapter was found
         * @param receivers its receivers, not null
         */
        public SignalEntry {
            receivers = List.copyOf(receivers);
        }
    }

    /**
     * One receiver of a signal.
     *
     * @param receiver the receiver's description: its name if it was given one, and its class (or
     *     the class a lambda is in)
     * @param sender the sender it is limited to, as text, or null for every sender
     * @param dispatchUid its dispatch uid, or null
     * @param origin who connected it, with the module
     * @param phase the transaction phase it waits for, as text ({@code "after commit"}, with
     *     {@code ", only in a transaction"} when it is skipped outside one), or null for a receiver
     *     called during the send
     */
    public record ReceiverEntry(String receiver, String sender, String dispatchUid, String origin, String phase) {

        /**
         * An entry for a receiver called during the send.
         *
         * @param receiver the receiver's description
         * @param sender the sender, as text, or null
         * @param dispatchUid its dispatch uid, or null
         * @param origin who connected it
         */
        public ReceiverEntry(String receiver, String sender, String dispatchUid, String origin) {
            this(receiver, sender, dispatchUid, origin, null);
        }
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("adapters:\n");
        if (adapters.isEmpty()) {
            text.append("  (none)\n");
        }
        for (Adapter adapter : adapters) {
            text.append("  ").append(adapter.type()).append(": ").append(adapter.host())
                    .append(' ').append(adapter.signals()).append('\n');
        }
        text.append("signals:\n");
        for (SignalEntry signal : signals) {
            text.append("  ").append(signal.name()).append(" (").append(signal.payloadType()).append(')');
            if (signal.firedBy() != null) {
                text.append(", fired by ").append(signal.firedBy());
                if (!signal.adapterFound()) {
                    text.append(" (adapter NOT found: add ").append(signal.firedBy()).append(')');
                }
            }
            text.append('\n');
            for (ReceiverEntry receiver : signal.receivers()) {
                text.append("    <- ").append(receiver.receiver());
                if (receiver.sender() != null) {
                    text.append(" [sender ").append(receiver.sender()).append(']');
                }
                if (receiver.dispatchUid() != null) {
                    text.append(" [uid ").append(receiver.dispatchUid()).append(']');
                }
                if (receiver.phase() != null) {
                    text.append(" [").append(receiver.phase()).append(']');
                }
                text.append(", connected by ").append(receiver.origin()).append('\n');
            }
        }
        return text.toString();
    }
}
