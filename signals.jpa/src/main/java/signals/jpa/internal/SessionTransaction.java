package signals.jpa.internal;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.WeakHashMap;
import org.hibernate.FlushMode;
import org.hibernate.engine.spi.SessionImplementor;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.resource.transaction.spi.TransactionCoordinator;
import org.hibernate.resource.transaction.spi.TransactionObserver;
import signals.core.spi.HostTransaction;
import signals.core.spi.TransactionWork;

/**
 * A Hibernate session's transactions as {@code signals.core} sees them: the queue of work that
 * receivers with a transaction phase left, run from Hibernate's own transaction observer.
 *
 * <p>One per session (per transaction coordinator, which a session's child sessions share), added
 * by {@link TransactionSignalsContributor} when Hibernate builds the coordinator; it serves each
 * of the session's transactions in turn. Hibernate calls an observer's {@code beforeCompletion}
 * after the session's commit flush and its own before-completion work, and its
 * {@code afterCompletion} last, after the session has released what the transaction held: an
 * after-commit receiver that opens a new entity manager sees the committed rows.
 *
 * <p>Which transaction a send belongs to: while this module dispatches a model signal, the
 * session of the event (whatever thread the flush runs on, JTA included); otherwise the last
 * transaction begun on the sending thread through Hibernate's {@code Transaction} API
 * ({@code EntityTransaction.begin()}, which Spring's {@code JpaTransactionManager} calls too)
 * that is still active.
 */
final class SessionTransaction implements TransactionObserver, HostTransaction {

    // Transactions begun on each thread, innermost last. A transaction that ends on another
    // thread leaves its entry behind; lookups and begins drop inactive entries.
    private static final ThreadLocal<List<SessionTransaction>> BEGUN = ThreadLocal.withInitial(() -> new ArrayList<>(2));
    private static final ThreadLocal<SharedSessionContractImplementor> DISPATCHING = new ThreadLocal<>();
    // Weak keys: an entry goes with its session's coordinator. Read only for a send that has a
    // receiver with a phase, while a model signal is dispatched.
    private static final Map<TransactionCoordinator, SessionTransaction> OF_COORDINATOR =
            Collections.synchronizedMap(new WeakHashMap<>());

    private final SharedSessionContractImplementor session;
    private final TransactionCoordinator coordinator;
    private List<TransactionWork> work = new ArrayList<>();

    private SessionTransaction(SharedSessionContractImplementor session, TransactionCoordinator coordinator) {
        this.session = session;
        this.coordinator = coordinator;
    }

    /** Watches the transactions of a session's new coordinator. */
    static void observe(SharedSessionContractImplementor session, TransactionCoordinator coordinator) {
        SessionTransaction observer = new SessionTransaction(session, coordinator);
        coordinator.addObserver(observer);
        OF_COORDINATOR.put(coordinator, observer);
    }

    /** The current thread's transaction, for {@code signals.core}; null when it is in none. */
    static HostTransaction current() {
        SharedSessionContractImplementor dispatching = DISPATCHING.get();
        if (dispatching != null) {
            SessionTransaction of = OF_COORDINATOR.get(dispatching.getTransactionCoordinator());
            if (of != null && of.isActive()) {
                return of;
            }
        }
        List<SessionTransaction> begun = BEGUN.get();
        for (int i = begun.size() - 1; i >= 0; i--) {
            SessionTransaction candidate = begun.get(i);
            if (candidate.isActive()) {
                return candidate;
            }
            begun.remove(i);
        }
        return null;
    }

    /**
     * Marks the thread as dispatching a model signal of a session, so that its sends belong to
     * that session's transaction.
     *
     * @return what to restore afterwards
     */
    static SharedSessionContractImplementor dispatching(SharedSessionContractImplementor session) {
        SharedSessionContractImplementor before = DISPATCHING.get();
        DISPATCHING.set(session);
        return before;
    }

    static void doneDispatching(SharedSessionContractImplementor before) {
        if (before == null) {
            DISPATCHING.remove();
        } else {
            DISPATCHING.set(before);
        }
    }

    private boolean isActive() {
        return !session.isClosed() && coordinator.isTransactionActive();
    }

    @Override
    public void defer(TransactionWork queued) {
        work.add(queued);
    }

    @Override
    public <R> Optional<R> resource(Class<R> type) {
        if (type == Connection.class) {
            return Optional.of(type.cast(session.getJdbcCoordinator().getLogicalConnection().getPhysicalConnection()));
        }
        return type.isInstance(session) ? Optional.of(type.cast(session)) : Optional.empty();
    }

    @Override
    public void afterBegin() {
        work = new ArrayList<>();
        List<SessionTransaction> begun = BEGUN.get();
        begun.removeIf(candidate -> candidate == this || !candidate.isActive());
        begun.add(this);
    }

    /**
     * Calls the before-commit receivers in queue order, then flushes what they changed in the
     * session: Hibernate flushed before calling here. That flush may signal new saves, whose
     * before-commit receivers are queued behind and called in turn.
     */
    @Override
    public void beforeCompletion() {
        List<TransactionWork> queue = work;
        int done = 0;
        while (done < queue.size()) {
            while (done < queue.size()) {
                queue.get(done++).beforeCommit();
            }
            if (session instanceof SessionImplementor && !session.isClosed()
                    && ((SessionImplementor) session).getHibernateFlushMode() != FlushMode.MANUAL) {
                ((SessionImplementor) session).flush();
            }
        }
    }

    @Override
    public void afterCompletion(boolean successful, boolean delayed) {
        List<TransactionWork> queue = work;
        work = new ArrayList<>();
        BEGUN.get().remove(this);
        for (TransactionWork queued : queue) {
            queued.afterCompletion(successful);
        }
    }

    @Override
    public String toString() {
        return "transaction of " + session;
    }
}
