package signals.test;

import signals.core.Signal;
import signals.core.spi.SignalAdapter;

/**
 * The built-in signal of {@code signals.test}.
 *
 * @since 0.1
 */
public final class TestSignals {

    /**
     * Sent when a {@link OverriddenSettings} changes a setting: Django's
     * {@code django.test.signals.setting_changed}, the signal receivers use to reset whatever
     * they cached from a setting.
     *
     * <p>Entering an override sends it once per setting, in the order the settings were given,
     * after every setting of the override is already in force, with the new value and
     * {@code enter = true}. Leaving sends it once per setting, after every setting is back, with
     * the value now in force and {@code enter = false}; the value is null for a setting that did
     * not exist before.
     *
     * <p>The sender is the {@link SettingsStore} the override changed, the one
     * {@link Settings#store()} returns, so a receiver can listen to one store only:
     *
     * <pre>{@code
     * SETTING_CHANGED.connect((signal, store, changed) -> {
     *     if (changed.setting().equals("shop.currency")) {
     *         prices.clearCache();
     *     }
     * });
     * }</pre>
     *
     * <p>When a receiver throws while an override is entered, the override is undone, the
     * leaving signals still reach every receiver for every setting, and the receiver's exception
     * is raised (those thrown while leaving are added to it as suppressed). When receivers throw
     * while an override is left, every receiver is still called for every setting, and the first
     * exception is raised afterwards with the others suppressed. That exception is the only
     * report: unlike a plain {@code sendRobust}, the failures are not also logged.
     *
     * <p>The signal exists in tests only, since {@code signals.test} is a test dependency:
     * connect its receivers in the test class (with {@link TestReceivers}) or in a JUnit
     * extension of your own.
     */
    public static final Signal<SettingChanged> SETTING_CHANGED =
            SignalAdapter.declare("setting_changed", SettingChanged.class, "signals.test");

    private TestSignals() {
    }
}
