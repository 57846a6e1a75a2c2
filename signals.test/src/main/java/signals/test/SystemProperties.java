package signals.test;

/** The default {@link SettingsStore}: Java system properties. */
final class SystemProperties implements SettingsStore {

    @Override
    public String get(String setting) {
        return System.getProperty(setting);
    }

    @Override
    public void set(String setting, String value) {
        if (value == null) {
            System.clearProperty(setting);
        } else {
            System.setProperty(setting, value);
        }
    }

    @Override
    public String toString() {
        return "system properties";
    }
}
