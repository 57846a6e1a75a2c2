package signals.jpa.internal;

import jakarta.persistence.EntityManager;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.function.Consumer;
import org.hibernate.Session;
import org.hibernate.engine.spi.SharedSessionContractImplementor;

/**
 * The entity manager the receivers of one send get: a session that shares the event's JDBC
 * connection and transaction, with a persistence context of its own, as Hibernate Envers writes
 * its audit rows.
 *
 * <p>Why another session: the event's own session is in the middle of its flush (or of a load, or
 * of a {@code remove}), and Hibernate forbids using it there: a persist would change the action
 * list being run, a query would flush again inside the flush. A child session has its own
 * persistence context and action queue, so it can query, persist and flush while its parent
 * flushes, and its flush fires this module's listeners like any other.
 *
 * <p>Why a proxy: most receivers never touch the database, and opening a session for each row
 * would cost every save that is heard. The payload carries a stand-in (a JDK proxy of the
 * {@link Session} interface, as Spring's shared entity manager is) that opens the child on the
 * first call, and {@link #send} flushes and closes it once the receivers return.
 */
final class ReceiverSession implements InvocationHandler {

    private static final Class<?>[] INTERFACES = {Session.class};

    private final SharedSessionContractImplementor event;
    private Session session;
    private boolean finished;

    private ReceiverSession(SharedSessionContractImplementor event) {
        this.event = event;
    }

    /**
     * Sends a signal whose payload gets the receivers' entity manager, then writes what the
     * receivers did with it. When a receiver throws, nothing is flushed: the exception fails the
     * operation, and the transaction rolls back.
     *
     * @param event the session of the Hibernate event being signalled
     * @param send builds the payload with the entity manager and sends it
     */
    static void send(SharedSessionContractImplementor event, Consumer<EntityManager> send) {
        ReceiverSession receivers = new ReceiverSession(event);
        EntityManager entityManager = (EntityManager) Proxy.newProxyInstance(Session.class.getClassLoader(),
                INTERFACES, receivers);
        boolean sent = false;
        SharedSessionContractImplementor before = SessionTransaction.dispatching(event);
        try {
            send.accept(entityManager);
            sent = true;
        } finally {
            SessionTransaction.doneDispatching(before);
            receivers.finish(sent);
        }
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        int arity = method.getParameterCount();
        switch (method.getName()) {
            case "equals":
                if (arity == 1) {
                    return proxy == args[0];
                }
                break;
            case "hashCode":
                if (arity == 0) {
                    return System.identityHashCode(proxy);
                }
                break;
            case "toString":
                if (arity == 0) {
                    return "signals.jpa receivers' EntityManager (" + (session != null ? "open" : "not opened")
                            + ", sharing the transaction of " + event + ")";
                }
                break;
            case "close":
                if (arity == 0) {
                    throw new IllegalStateException("the receivers' EntityManager is closed by signals.jpa once the"
                            + " receivers return; do not close it");
                }
                break;
            default:
                break;
        }
        try {
            return method.invoke(open(), args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private Session open() {
        if (finished) {
            throw new IllegalStateException("the receivers' EntityManager of a model signal is usable only while the"
                    + " receivers of that send run; it was closed when they returned");
        }
        if (session == null) {
            // Rows still waiting in a JDBC batch are written first, so that the receivers' queries
            // (and Hibernate's own checks of the entities they reference) see them.
            event.getJdbcCoordinator().executeBatch();
            session = event.sessionWithOptions().connection().autoClose(false).openSession();
        }
        return session;
    }

    private void finish(boolean flush) {
        finished = true;
        Session opened = session;
        session = null;
        if (opened == null) {
            return;
        }
        try {
            if (flush) {
                opened.flush();
            }
        } finally {
            opened.close();
        }
    }
}
