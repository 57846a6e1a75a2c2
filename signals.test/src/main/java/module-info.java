/**
 * Django's test signals and habits for JUnit Jupiter: {@code setting_changed} sent by settings
 * overrides ({@link signals.test.OverrideSetting}, {@link signals.test.Settings}).
 *
 * @uses signals.test.SettingsSource where the application keeps its settings; system
 *     properties when no provider is found
 * @provides signals.core.spi.SignalAdapter describes this module and {@code setting_changed} to
 *     {@code signals.core}
 */
module signals.test {
    requires transitive signals.core;
    requires transitive org.junit.jupiter.api;

    exports signals.test;

    uses signals.test.SettingsSource;

    provides signals.core.spi.SignalAdapter with signals.test.internal.TestAdapter;
}
