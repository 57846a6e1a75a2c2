/**
 * Django's test signals and habits for JUnit Jupiter: {@code setting_changed} sent by settings
 * overrides ({@link signals.test.OverrideSetting}, {@link signals.test.Settings}), recording the
 * signals a test sends ({@link signals.test.SignalRecorder}) and muting them
 * ({@link signals.test.MuteSignals}, {@link signals.test.MutedSignals}), and, with
 * {@code signals.servlet}, the views a request rendered ({@link signals.test.RenderedViews}).
 *
 * @uses signals.test.SettingsStore where the application keeps its settings; system
 *     properties when no provider is found
 * @provides org.junit.jupiter.api.extension.Extension the three extensions, for projects that turn
 *     on JUnit's extension auto-detection; each does nothing for a test without its annotation
 *     (the recorder also serves a test that asks for a {@code SignalRecorder} parameter)
 * @provides signals.core.spi.SignalAdapter describes this module and {@code setting_changed} to
 *     {@code signals.core}
 */
module signals.test {
    requires transitive signals.core;
    requires transitive org.junit.jupiter.api;
    // Optional: only RenderedViews uses it, and checks for it before touching its classes.
    requires static signals.servlet;

    exports signals.test;

    uses signals.test.SettingsStore;

    provides org.junit.jupiter.api.extension.Extension
            with signals.test.OverrideExtension, signals.test.MuteExtension, signals.test.RecordingExtension;
    provides signals.core.spi.SignalAdapter with signals.test.internal.TestAdapter;
}
