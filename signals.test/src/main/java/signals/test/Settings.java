package signals.test;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.stream.Collectors;

/**
 * Overrides settings for the length of a block, as Django's {@code override_settings} does, and
 * tells receivers through {@link TestSignals#SETTING_CHANGED}.
 *
 * <pre>{@code
 * try (SettingsOverride utc = Settings.override("shop.time-zone", "UTC")) {
 *     assertEquals("12:00 UTC", clock.format(noon));
 * }                                    // the previous value is back, receivers were told
 * }</pre>
 *
 * <p>Settings are Java system properties unless the application provides a {@link SettingsSource}.
 * In JUnit tests the annotations {@link OverrideSetting} and {@link RemoveSetting} do the same
 * for a test method or class.
 *
 * @since 0.1
 */
public final class Settings {

    private static final Object LOCK = new Object();
    private static volatile SettingsSource source;

    private Settings() {
    }

    /**
     * Returns the settings source in use: the one provided through {@link ServiceLoader}, or the
     * system properties when none is. It is found on first use, with the thread's context class
     * loader, and kept.
     *
     * @return the source, never null
     * @throws IllegalStateException if more than one source is provided, or the provider fails;
     *     the message names the provider classes and their modules
     */
    public static SettingsSource source() {
        SettingsSource found = source;
        if (found == null) {
            synchronized (LOCK) {
                found = source;
                if (found == null) {
                    found = discover(contextClassLoader());
                    source = found;
                }
            }
        }
        return found;
    }

    /**
     * Reads a setting from {@link #source()}.
     *
     * @param setting the setting's name, not null
     * @return its value, or null if it is absent
     * @throws NullPointerException if the setting is null
     */
    public static String get(String setting) {
        return source().get(SettingsChange.checkName(setting));
    }

    /**
     * Overrides one setting until the returned handle is closed.
     *
     * @param setting the setting's name, not null or blank
     * @param value its value during the override, not null (use {@link #remove} to remove it)
     * @return the entered override
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if the name is blank
     * @throws RuntimeException whatever a receiver of {@code setting_changed} threw, once the
     *     override has been undone (see {@link TestSignals#SETTING_CHANGED})
     */
    public static SettingsOverride override(String setting, String value) {
        return change().set(setting, value).enter();
    }

    /**
     * Removes one setting until the returned handle is closed.
     *
     * @param setting the setting's name, not null or blank
     * @return the entered override
     * @throws NullPointerException if the setting is null
     * @throws IllegalArgumentException if the name is blank
     * @throws RuntimeException whatever a receiver of {@code setting_changed} threw, once the
     *     override has been undone
     */
    public static SettingsOverride remove(String setting) {
        return change().remove(setting).enter();
    }

    /**
     * Starts describing an override of several settings, entered with {@link SettingsChange#enter()}.
     *
     * <pre>{@code
     * SettingsChange offline = Settings.change().set("shop.mode", "offline").remove("shop.proxy");
     * try (SettingsOverride override = offline.enter()) {
     *     ...
     * }
     * }</pre>
     *
     * @return an empty change on {@link #source()}
     */
    public static SettingsChange change() {
        return new SettingsChange(source());
    }

    static SettingsSource discover(ClassLoader loader) {
        List<ServiceLoader.Provider<SettingsSource>> providers =
                ServiceLoader.load(SettingsSource.class, loader).stream().collect(Collectors.toList());
        if (providers.isEmpty()) {
            return new SystemProperties();
        }
        if (providers.size() > 1) {
            List<String> names = new ArrayList<>();
            for (ServiceLoader.Provider<SettingsSource> provider : providers) {
                names.add(describe(provider.type()));
            }
            throw new IllegalStateException("signals.test found " + providers.size()
                    + " providers of signals.test.SettingsSource, and uses one only: " + String.join(", ", names));
        }
        ServiceLoader.Provider<SettingsSource> provider = providers.get(0);
        try {
            return provider.get();
        } catch (ServiceConfigurationError | RuntimeException e) {
            throw new IllegalStateException("The settings source " + describe(provider.type()) + " could not be created", e);
        }
    }

    private static String describe(Class<?> type) {
        Module module = type.getModule();
        return type.getName() + " (" + (module.isNamed() ? "module " + module.getName() : "class path") + ")";
    }

    static ClassLoader contextClassLoader() {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        return loader != null ? loader : Settings.class.getClassLoader();
    }
}
