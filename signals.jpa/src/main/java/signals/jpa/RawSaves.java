package signals.jpa;

/**
 * A scope in which saves are raw: data is written as it is, as Django's {@code loaddata} saves
 * fixtures with {@code raw=True}. Inside it, {@link PreSave#raw()} and {@link PostSave#raw()} are
 * true for the saves flushed by the current thread.
 *
 * <pre>{@code
 * try (RawSaves raw = ModelSignals.rawSaves()) {
 *     fixtures.forEach(em::persist);
 *     em.flush();                      // pre_save and post_save fire here, with raw() true
 * }
 * }</pre>
 *
 * <p>Saves run at flush time, so flush inside the scope. Scopes nest; each must be closed in the
 * thread that opened it.
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
