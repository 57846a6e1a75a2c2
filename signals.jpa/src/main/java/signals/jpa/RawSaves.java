package signals.jpa;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * A scope in which saves are raw: data is written as it is, as Django's {@code loaddata} saves
 * fixtures with {@code raw=True}. Inside it, {@link PreSave#raw()} and {@link PostSave#raw()} are
 * true for the saves flushed by the current thread.
 *
 * <pre>{@code
 * RawSaves.run(() -> {
 *     fixtures.forEach(em::persist);
 *     em.flush();                      // pre_save and post_save fire here, with raw() true
 * });
 * }</pre>
 *
 * <p>Saves run at flush time, so flush inside the scope. The scope belongs to the thread that
 * opened it: a flush in another thread, even one started inside the scope, is not raw. Saves that
 * receivers make through their payload's entity manager run in the same thread, and are raw too.
 * Scopes nest.
 *
 * <p>{@link ModelSignals#rawSaves()} opens a scope for {@code try}-with-resources, whose variable
 * javac's {@code -Xlint:try} reports as never referenced; {@link #run} and {@link #get} do not.
 * A scope opened that way must be closed in the thread that opened it.
 *
 * @since 0.1
 */
public final class RawSaves implements AutoCloseable {

    private static final ThreadLocal<RawSaves> CURRENT = new ThreadLocal<>();

    private final RawSaves outer;
    private boolean closed;

    private RawSaves(RawSaves outer) {
        this.outer = outer;
    }

    /**
     * Runs work in a raw scope of the current thread: the saves it flushes are raw.
     *
     * @param work the work, which should flush; not null
     * @throws NullPointerException if the work is null
     */
    public static void run(Runnable work) {
        Objects.requireNonNull(work, "work");
        RawSaves scope = open();
        try {
            work.run();
        } finally {
            scope.close();
        }
    }

    /**
     * Runs work in a raw scope of the current thread and returns its result: the saves it flushes
     * are raw.
     *
     * @param work the work, which should flush; not null
     * @param <T> the result type
     * @return what the work returned
     * @throws NullPointerException if the work is null
     */
    public static <T> T get(Supplier<T> work) {
        Objects.requireNonNull(work, "work");
        RawSaves scope = open();
        try {
            return work.get();
        } finally {
            scope.close();
        }
    }

    static RawSaves open() {
        RawSaves scope = new RawSaves(CURRENT.get());
        CURRENT.set(scope);
        return scope;
    }

    /**
     * Tells whether the current thread is inside a raw scope.
     *
     * @return true between {@link ModelSignals#rawSaves()} and the scope's {@link #close()}
     */
    public static boolean active() {
        return CURRENT.get() != null;
    }

    /**
     * Ends the scope; saves are no longer raw unless an outer scope is still open.
     *
     * @throws IllegalStateException if called from another thread than the one that opened it, or
     *     when an inner scope is still open
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        if (CURRENT.get() != this) {
            throw new IllegalStateException("RawSaves closed out of order or from another thread than "
                    + "the one that opened it");
        }
        closed = true;
        if (outer == null) {
            CURRENT.remove();   // leaves nothing in pooled threads that could pin this class loader
        } else {
            CURRENT.set(outer);
        }
    }
}
