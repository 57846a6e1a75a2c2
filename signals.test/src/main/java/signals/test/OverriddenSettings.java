package signals.test;

import static signals.test.TestSignals.SETTING_CHANGED;

import java.util.ArrayList;
import java.util.List;
import signals.core.Reply;
import signals.core.SignalException;
import signals.core.spi.SignalAdapter;

/**
 * An override in force: closing it puts back the values the settings had when it was entered
 * and sends {@link TestSignals#SETTING_CHANGED} for each with {@code enter = false}. Made by
 * {@link Settings#override} and {@link Settings#remove}.
 *
 * <p>Overrides nest: an inner one restores the outer one's values. A setting written directly
 * while an override is in force is put back too, without a signal, as in Django. Close overrides
 * in the reverse order they were entered, which try-with-resources does.
 *
 * @since 0.1
 */
public final class OverriddenSettings implements AutoCloseable {

    private final SettingsStore store;
    private final List<String> names;
    private final List<String> previous;
    private boolean open = true;

    private OverriddenSettings(SettingsStore store, List<String> names, List<String> previous) {
        this.store = store;
        this.names = names;
        this.previous = previous;
    }

    static OverriddenSettings enter(SettingsStore store, List<String> names, List<String> wanted) {
        List<String> previous = new ArrayList<>(names.size());
        try {
            for (int i = 0; i < names.size(); i++) {
                previous.add(store.get(names.get(i)));
                store.set(names.get(i), wanted.get(i));
            }
        } catch (RuntimeException | Error e) {
            // The store refused a value: put back what was already set; nobody was told yet.
            List<Throwable> failures = new ArrayList<>();
            restore(store, names.subList(0, previous.size()), previous, failures);
            failures.forEach(e::addSuppressed);
            throw e;
        }
        OverriddenSettings override = new OverriddenSettings(store, names, previous);
        try {
            for (int i = 0; i < names.size(); i++) {
                SETTING_CHANGED.send(store, new SettingChanged(names.get(i), wanted.get(i), true));
            }
        } catch (RuntimeException | Error e) {
            // Django's rule: undo the override, tell every receiver about every setting, then
            // raise the receiver's error; what fails while leaving only rides along.
            for (Throwable leaving : override.leave()) {
                e.addSuppressed(leaving);
            }
            throw e;
        }
        return override;
    }

    /**
     * Lists the settings this override changed, in the order they were given.
     *
     * @return the names, unmodifiable
     */
    public List<String> settings() {
        return List.copyOf(names);
    }

    /**
     * Puts the previous values back and sends {@code setting_changed} with {@code enter = false}
     * for every setting, to every receiver, even when some throw. Closing twice does nothing.
     *
     * @throws RuntimeException the first exception a receiver (or the store) threw, with the
     *     others suppressed; a checked one is wrapped in a {@link SignalException}
     */
    @Override
    public void close() {
        List<Throwable> failures;
        synchronized (this) {
            if (!open) {
                return;
            }
            failures = leave();
        }
        if (failures.isEmpty()) {
            return;
        }
        Throwable first = failures.get(0);
        Throwable raised = first instanceof RuntimeException || first instanceof Error ? first
                : new SignalException("A receiver of setting_changed failed while leaving the override of "
                        + names + " on " + store, first);
        failures.subList(1, failures.size()).forEach(raised::addSuppressed);
        if (raised instanceof Error) {
            throw (Error) raised;
        }
        throw (RuntimeException) raised;
    }

    @Override
    public String toString() {
        return "OverriddenSettings" + names + " on " + store + (open ? "" : " (closed)");
    }

    private List<Throwable> leave() {
        open = false;
        List<Throwable> failures = new ArrayList<>();
        restore(store, names, previous, failures);
        for (String name : names) {
            try {
                // Robust, so that every receiver hears every setting; the failures are raised by
                // close(), so the send must not log them as well: one report of each.
                SettingChanged changed = new SettingChanged(name, store.get(name), false);
                for (Reply reply : SignalAdapter.sendRobustFromHost(SETTING_CHANGED, store, changed)) {
                    if (reply.failed()) {
                        failures.add(reply.exception());
                    }
                }
            } catch (RuntimeException | Error e) {
                // sendRobust lets Errors through (an assertion in a receiver): the next setting's
                // receivers must still hear about it.
                failures.add(e);
            }
        }
        return failures;
    }

    // Undone like a stack, last set first; a store that refuses one value must not keep the
    // others from coming back.
    private static void restore(SettingsStore store, List<String> names, List<String> values,
                                List<Throwable> failures) {
        for (int i = names.size() - 1; i >= 0; i--) {
            try {
                store.set(names.get(i), values.get(i));
            } catch (RuntimeException e) {
                failures.add(e);
            }
        }
    }
}
