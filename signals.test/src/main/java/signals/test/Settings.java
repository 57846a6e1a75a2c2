package signals.test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.stream.Collectors;

/**
 * Overrides settings for the length of a block, as Django's {@code override_settings} does, and
 * tells receivers through {@link TestSignals#SETTING_CHANGED}.
 *
 * <pre>{@code
 * try (OverriddenSettings utc = Settings.override("shop.time-zone", "UTC")) {
 *     assertEquals("12:00 UTC", clock.format(noon));
 * }                                    // the previous value is back, receivers were told
 * }</pre>
 *
 * <p>Settings live in a {@link SettingsStore}: the Java system properties unless the application
 * provides its own. In JUnit tests the annotations {@link OverrideSetting} and
 * {@link RemoveSetting} do the same for a test method or class.
 *
 * @since 0.1
 */
public final class Settings {

    private static final Object LOCK = new Object();
    private static volatile SettingsStore store;

    private Settings() {
    }

    /**
     * Returns the settings store in use: the one provided through {@link ServiceLoader}, or the
     * system properties when none is. It is found on first use, with the thread's context class
     * loader, and kept. It is also the sender of {@link TestSignals#SETTING_CHANGED}.
     *
     * @return the store, never null
     * @throws IllegalStateException if more than one store is provided, or the provider fails;
     *     the message names the provider classes and their modules
     */
    public static SettingsStore store() {
        SettingsStore found = store;
        if (found == null) {
            synchronized (LOCK) {
                found = store;
                if (found == null) {
                    found = discover(contextClassLoader());
                    store = found;
                }
            }
        }
        return found;
    }

    /**
     * Reads a setting from {@link #store()}.
     *
     * @param setting the setting's name, not null
     * @return its value, or null if it is absent
     * @throws NullPointerException if the setting is null
     */
    public static String get(String setting) {
        return store().get(checkName(setting));
    }

    /**
     * Overrides one setting until the returned handle is closed.
     *
     * @param setting the setting's name, not null or blank
     * @param value its value during the override, not null (use {@link #remove} to remove it)
     * @return the override in force
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if the name is blank
     * @throws RuntimeException whatever a receiver of {@code setting_changed} threw, once the
     *     override has been undone (see {@link TestSignals#SETTING_CHANGED})
     */
    public static OverriddenSettings override(String setting, String value) {
        checkName(setting);
        return OverriddenSettings.enter(store(), List.of(setting),
                Collections.singletonList(Objects.requireNonNull(value, () -> "value of setting " + setting)));
    }

    /**
     * Overrides several settings at once until the returned handle is closed: Django's
     * {@code override_settings(A=1, B=2)}. A null value removes its setting for the while.
     * Receivers hear the settings in the map's order, so give a {@link java.util.LinkedHashMap}
     * (or a {@link java.util.SortedMap}) when the order matters. The map is copied, so it can be
     * entered again, one override after another or nested.
     *
     * <pre>{@code
     * Map<String, String> offline = new LinkedHashMap<>();
     * offline.put("shop.mode", "offline");
     * offline.put("shop.proxy", null);        // removed during the override
     * try (OverriddenSettings override = Settings.override(offline)) {
     *     ...
     * }
     * }</pre>
     *
     * @param settings the settings' names and values during the override; not null, no null or
     *     blank name; a null value removes the setting
     * @return the override in force
     * @throws NullPointerException if the map or a name is null
     * @throws IllegalArgumentException if a name is blank
     * @throws RuntimeException whatever a receiver of {@code setting_changed} threw, once the
     *     override has been undone (see {@link TestSignals#SETTING_CHANGED})
     */
    public static OverriddenSettings override(Map<String, String> settings) {
        Objects.requireNonNull(settings, "settings");
        List<String> names = new ArrayList<>(settings.size());
        List<String> values = new ArrayList<>(settings.size());
        settings.forEach((name, value) -> {
            names.add(checkName(name));
            values.add(value);
        });
        return OverriddenSettings.enter(store(), names, values);
    }

    /**
     * Removes one setting until the returned handle is closed.
     *
     * @param setting the setting's name, not null or blank
     * @return the override in force
     * @throws NullPointerException if the setting is null
     * @throws IllegalArgumentException if the name is blank
     * @throws RuntimeException whatever a receiver of {@code setting_changed} threw, once the
     *     override has been undone
     */
    public static OverriddenSettings remove(String setting) {
        return OverriddenSettings.enter(store(), List.of(checkName(setting)), Collections.singletonList(null));
    }

    static String checkName(String setting) {
        Objects.requireNonNull(setting, "setting");
        if (setting.isBlank()) {
            throw new IllegalArgumentException("A setting's name must not be blank");
        }
        return setting;
    }

    static SettingsStore discover(ClassLoader loader) {
        List<ServiceLoader.Provider<SettingsStore>> providers =
                ServiceLoader.load(SettingsStore.class, loader).stream().collect(Collectors.toList());
        if (providers.isEmpty()) {
            return new SystemProperties();
        }
        if (providers.size() > 1) {
            List<String> names = new ArrayList<>();
            for (ServiceLoader.Provider<SettingsStore> provider : providers) {
                names.add(describe(provider.type()));
            }
            throw new IllegalStateException("signals.test found " + providers.size()
                    + " providers of signals.test.SettingsStore, and uses one only: " + String.join(", ", names));
        }
        ServiceLoader.Provider<SettingsStore> provider = providers.get(0);
        try {
            return provider.get();
        } catch (ServiceConfigurationError | RuntimeException e) {
            throw new IllegalStateException("The settings store " + describe(provider.type()) + " could not be created", e);
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
