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
 * PIZZA_DONE.disconnectUid("kitchen.announce", sender("seven"));
 * }</pre>
 *
 * <p>{@link #phase} makes a receiver wait for the end of the sending transaction: Django's
 * {@code transaction.on_commit}, as a property of the connection.
 *
 * @since 0.1
 */
public final class ConnectOption {

    private enum Kind { SENDER, SENDER_OR_SUBCLASS, DISPATCH_UID, NAME, PHASE, ONLY_IN_TRANSACTION }

    private final Kind kind;
    private final Object value;

    private ConnectOption(Kind kind, Object value) {
        this.kind = kind;
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
        return new ConnectOption(Kind.SENDER, Objects.requireNonNull(sender, "sender"));
    }

    /**
     * Limits a connection to sends whose sender is this class or one of its subclasses (or, for
     * an interface, a class that implements it). Django compares model senders exactly, so a
     * receiver for a base model misses its subclasses; this option is the long-asked-for
     * alternative. A send whose sender is not a {@link Class} never matches it.
     *
     * <pre>{@code
     * POST_SAVE.connect(audit, ConnectOption.senderOrSubclassOf(Auditable.class));
     * }</pre>
     *
     * @param type the class or interface, not null
     * @return the option
     * @throws NullPointerException if the type is null
     */
    public static ConnectOption senderOrSubclassOf(Class<?> type) {
        return new ConnectOption(Kind.SENDER_OR_SUBCLASS, Objects.requireNonNull(type, "type"));
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
        return new ConnectOption(Kind.DISPATCH_UID, uid);
    }

    /**
     * Names a connection for people: the inventory, the log line of a robust send and the
     * message of a receiver's exception show it beside the receiver's class. Two method
     * references of one class otherwise look alike there ({@code lambda in com.example.Kitchen}).
     * Unlike a dispatch uid, a name plays no part in matching or disconnecting.
     *
     * <pre>{@code
     * PIZZA_DONE.connect(kitchen::announce, ConnectOption.name("kitchen.announce"));
     * }</pre>
     *
     * @param name a short name, not null or blank
     * @return the option
     * @throws NullPointerException if the name is null
     * @throws IllegalArgumentException if the name is blank
     */
    public static ConnectOption name(String name) {
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("name is blank");
        }
        return new ConnectOption(Kind.NAME, name);
    }

    /**
     * Calls the receiver when the transaction of each send ends rather than during the send: see
     * {@link TransactionPhase} for what each phase means, what happens outside a transaction and
     * what a receiver's exception does. The send returns no reply for such a receiver, since it
     * has not been called yet.
     *
     * <pre>{@code
     * POST_SAVE.connect(mailer::welcome, phase(TransactionPhase.AFTER_COMMIT), sender(Customer.class));
     * }</pre>
     *
     * <p>By the time an after-commit receiver runs, the transaction is over: read what the
     * payload holds, and open a new transaction to load or write more.
     *
     * @param phase the phase, not null
     * @return the option
     * @throws NullPointerException if the phase is null
     */
    public static ConnectOption phase(TransactionPhase phase) {
        return new ConnectOption(Kind.PHASE, Objects.requireNonNull(phase, "phase"));
    }

    /**
     * Skips a {@link #phase} receiver for sends made outside any transaction, as Spring's
     * {@code @TransactionalEventListener} does unless {@code fallbackExecution} is set. Without
     * this option such a send counts as committed at once (Django's and Jakarta CDI's rule), which
     * is the right thing when the change the signal reports was written in autocommit; use this
     * option for receivers that only make sense for a transaction, such as one that checks what
     * the transaction left behind.
     *
     * @return the option; only valid together with {@link #phase}
     */
    public static ConnectOption onlyInTransaction() {
        return new ConnectOption(Kind.ONLY_IN_TRANSACTION, Boolean.TRUE);
    }

    @Override
    public String toString() {
        switch (kind) {
            case SENDER: return "sender(" + value + ")";
            case SENDER_OR_SUBCLASS: return "senderOrSubclassOf(" + value + ")";
            case DISPATCH_UID: return "dispatchUid(" + value + ")";
            case NAME: return "name(" + value + ")";
            case PHASE: return "phase(" + value + ")";
            default: return "onlyInTransaction()";
        }
    }

    /**
     * Reads the options of one call; {@code where} ends every message, such as
     * {@code "for signal 'pizza_done'"}.
     */
    static Parsed parse(ConnectOption[] options, String where) {
        if (options == null) {
            throw new NullPointerException("options is null, " + where);
        }
        Object sender = null;
        boolean subclasses = false;
        String uid = null;
        String name = null;
        TransactionPhase phase = null;
        boolean onlyInTransaction = false;
        for (int i = 0; i < options.length; i++) {
            ConnectOption option = options[i];
            if (option == null) {
                throw new NullPointerException("options[" + i + "] is null, " + where);
            }
            if (option.kind == Kind.SENDER || option.kind == Kind.SENDER_OR_SUBCLASS) {
                sender = once("sender", sender, option.value, where);
                subclasses = option.kind == Kind.SENDER_OR_SUBCLASS;
            } else if (option.kind == Kind.DISPATCH_UID) {
                uid = (String) once("dispatchUid", uid, option.value, where);
            } else if (option.kind == Kind.NAME) {
                name = (String) once("name", name, option.value, where);
            } else if (option.kind == Kind.PHASE) {
                phase = (TransactionPhase) once("phase", phase, option.value, where);
            } else {
                onlyInTransaction = (Boolean) once("onlyInTransaction()", onlyInTransaction ? true : null, true, where);
            }
        }
        if (onlyInTransaction && phase == null) {
            throw new IllegalArgumentException("onlyInTransaction() given without phase(...), " + where);
        }
        return new Parsed(sender, subclasses, uid, name, phase, onlyInTransaction, where);
    }

    private static Object once(String what, Object before, Object value, String where) {
        if (before != null) {
            throw new IllegalArgumentException(what + " given twice: " + before + " and " + value + ", " + where);
        }
        return value;
    }

    /** The options of one call; a null sender means every sender. */
    static final class Parsed {
        final Object sender;
        final boolean subclasses;
        final String uid;
        final String name;
        /** The phase the receiver waits for, or null to be called during the send. */
        final TransactionPhase phase;
        final boolean onlyInTransaction;
        private final String where;

        Parsed(Object sender, boolean subclasses, String uid, String name, TransactionPhase phase,
               boolean onlyInTransaction, String where) {
            this.sender = sender;
            this.subclasses = subclasses;
            this.uid = uid;
            this.name = name;
            this.phase = phase;
            this.onlyInTransaction = onlyInTransaction;
            this.where = where;
        }

        Parsed withUid(String dispatchUid) {
            if (uid != null) {
                throw new IllegalArgumentException("dispatchUid given twice: " + dispatchUid + " and " + uid + ", " + where);
            }
            return new Parsed(sender, subclasses, dispatchUid, name, phase, onlyInTransaction, where);
        }
    }
}
