package signals.core;

import java.util.Objects;

/**
 * How a receiver is connected: Django's {@code sender=} and {@code dispatch_uid=} keyword
 * arguments, as values to pass after the receiver.
 *
 * <pre>{@code
 * import static signals.core.ConnectOption.dispatchUid;
 * import static signals.core.ConnectOption.sender;
 *
 * PIZZA_DONE.connect(kitchen::announce, sender("seven"), dispatchUid("kitchen.announce"));
 * PIZZA_DONE.disconnect("kitchen.announce", sender("seven"));
 * }</pre>
 *
 * @since 0.1
 */
public final class ConnectOption {

    private final boolean isSender;
    private final Object value;

    private ConnectOption(boolean isSender, Object value) {
        this.isSender = isSender;
        this.value = value;
    }

    /**
     * Limits a connection to sends from one sender, compared with {@code equals}.
     *
     * @param sender the sender, not null (leave the option out to receive from every sender)
     * @return the option
     * @throws NullPointerException if the sender is null
     */
    public static ConnectOption sender(Object sender) {
        return new ConnectOption(true, Objects.requireNonNull(sender, "sender"));
    }

    /**
     * Names a connection, so that connecting again under the same name (for the same sender) is
     * a no-op, and so that it can be disconnected by name. Use it when the receiver is a method
     * reference or a lambda, which is a new object each time its expression is evaluated.
     *
     * @param uid a name unique among the signal's receivers, not null or blank
     * @return the option
     * @throws NullPointerException if the uid is null
     * @throws IllegalArgumentException if the uid is blank
     */
    public static ConnectOption dispatchUid(String uid) {
        Objects.requireNonNull(uid, "dispatchUid");
        if (uid.isBlank()) {
            throw new IllegalArgumentException("dispatchUid is blank");
        }
        return new ConnectOption(false, uid);
    }

    @Override
    public String toString() {
        return (isSender ? "sender(" : "dispatchUid(") + value + ")";
    }

    static Parsed parse(ConnectOption[] options) {
        Objects.requireNonNull(options, "options");
        Object sender = null;
        String uid = null;
        for (int i = 0; i < options.length; i++) {
            ConnectOption option = options[i];
            if (option == null) {
                throw new NullPointerException("options[" + i + "]");
            }
            if (option.isSender) {
                if (sender != null) {
                    throw new IllegalArgumentException("sender given twice: " + sender + " and " + option.value);
                }
                sender = option.value;
            } else {
                if (uid != null) {
                    throw new IllegalArgumentException("dispatchUid given twice: " + uid + " and " + option.value);
                }
                uid = (String) option.value;
            }
        }
        return new Parsed(sender, uid);
    }

    /** The options of one call; a null sender means every sender. */
    static final class Parsed {
        final Object sender;
        final String uid;

        Parsed(Object sender, String uid) {
            this.sender = sender;
            this.uid = uid;
        }

        Parsed withUid(String dispatchUid) {
            if (uid != null) {
                throw new IllegalArgumentException("dispatchUid given twice: " + dispatchUid + " and " + uid);
            }
            return new Parsed(sender, dispatchUid);
        }
    }
}
