package signals.test;

/**
 * Where an application keeps its settings, so that {@link OverriddenSettings} can change them.
 * Settings are Java system properties unless the application provides its own store.
 *
 * <h2>Providing a store</h2>
 * A public class with a public no-argument constructor, declared in {@code module-info.java}
 * ({@code provides signals.test.SettingsStore with com.example.ConfigStore;}) and in
 * {@code META-INF/services/signals.test.SettingsStore}. {@link Settings#store()} finds it with
 * {@link java.util.ServiceLoader}, once; more than one provider is an error that names them.
 *
 * <pre>{@code
 * public final class ConfigStore implements SettingsStore {
 *     public String get(String setting) { return Config.global().get(setting); }
 *     public void set(String setting, String value) {
 *         if (value == null) Config.global().remove(setting); else Config.global().put(setting, value);
 *     }
 * }
 * }</pre>
 *
 * <p>Both methods may be called from several threads at once (parallel tests overriding
 * different settings).
 *
 * @since 0.1
 */
public interface SettingsStore {

    /**
     * Reads a setting.
     *
     * @param setting the setting's name, not null
     * @return its value, or null if the setting is absent
     */
    String get(String setting);

    /**
     * Changes a setting, or removes it.
     *
     * @param setting the setting's name, not null
     * @param value the new value, or null to remove the setting
     */
    void set(String setting, String value);
}
