package signals.test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The settings an override sets or removes, in order; {@link #enter()} applies them. A change
 * can be entered any number of times, one override after another or nested.
 *
 * <pre>{@code
 * SettingsChange offline = Settings.change().set("shop.mode", "offline").remove("shop.proxy");
 * try (SettingsOverride override = offline.enter()) {
 *     ...
 * }
 * }</pre>
 *
 * <p>Not thread-safe while being built; entering from several threads is fine once built.
 *
 * @since 0.1
 */
public final class SettingsChange {

    private final SettingsSource source;
    // Insertion order is the order setting_changed is sent in, as Django follows its kwargs.
    private final Map<String, String> values = new LinkedHashMap<>();

    SettingsChange(SettingsSource source) {
        this.source = source;
    }

    /**
     * Adds a setting to set.
     *
     * @param setting the setting's name, not null or blank, not already in this change
     * @param value its value during the override, not null
     * @return this change
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if the name is blank or already in this change
     */
    public SettingsChange set(String setting, String value) {
        return put(setting, Objects.requireNonNull(value, () -> "value of setting " + setting));
    }

    /**
     * Adds a setting to remove.
     *
     * @param setting the setting's name, not null or blank, not already in this change
     * @return this change
     * @throws NullPointerException if the setting is null
     * @throws IllegalArgumentException if the name is blank or already in this change
     */
    public SettingsChange remove(String setting) {
        return put(setting, null);
    }

    /**
     * Lists the settings in order, with their values during the override (null for a removal).
     *
     * @return an unmodifiable copy
     */
    public Map<String, String> settings() {
        return Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /**
     * Applies the settings and sends {@link TestSignals#SETTING_CHANGED} for each, with
     * {@code enter = true}.
     *
     * @return the override, to be closed when the block ends
     * @throws RuntimeException whatever the source or a receiver threw; the override is then
     *     already undone, and receivers were told so (see {@link TestSignals#SETTING_CHANGED})
     */
    public SettingsOverride enter() {
        List<String> names = new ArrayList<>(values.keySet());
        List<String> wanted = new ArrayList<>(values.values());
        return SettingsOverride.enter(source, names, wanted);
    }

    @Override
    public String toString() {
        return "SettingsChange" + values + " on " + source;
    }

    private SettingsChange put(String setting, String value) {
        checkName(setting);
        if (values.containsKey(setting)) {
            throw new IllegalArgumentException("Setting [" + setting + "] is given twice in one override");
        }
        values.put(setting, value);
        return this;
    }

    static String checkName(String setting) {
        Objects.requireNonNull(setting, "setting");
        if (setting.isBlank()) {
            throw new IllegalArgumentException("A setting's name must not be blank");
        }
        return setting;
    }
}
