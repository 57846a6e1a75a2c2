package signals.test;

/**
 * The payload of {@link TestSignals#SETTING_CHANGED}: which setting changed, its value now, and
 * whether an override is being entered or left. Django's {@code setting}, {@code value} and
 * {@code enter} arguments.
 *
 * @param setting the setting's name, never null
 * @param value the value in force after the change; null when the setting is absent (removed by
 *     the override being entered, or absent before the override being left)
 * @param enter true while an override is being entered, false while one is being left
 * @since 0.1
 */
public record SettingChanged(String setting, String value, boolean enter) {

    /**
     * Checks the setting's name.
     *
     * @param setting the setting's name, not null
     * @param value the value in force after the change, or null
     * @param enter true while entering an override
     * @throws NullPointerException if the setting is null
     */
    public SettingChanged {
        java.util.Objects.requireNonNull(setting, "setting");
    }
}
