package signals.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

// On the module path, ServiceLoader ignores META-INF/services entries naming classes of a named
// module (these test classes are patched into signals.test), so the provider cases run on the
// class path execution only; `provides` in module-info.java is JPMS's own, checked by the JDK.
class SettingsStoreDiscoveryTests {

    @TempDir
    Path services;

    @Test
    void withoutAProviderSettingsAreSystemProperties() throws IOException {
        SettingsStore store = Settings.discover(loaderListing());

        assertInstanceOf(SystemProperties.class, store);
        assertInstanceOf(SystemProperties.class, Settings.store());
    }

    @Test
    void theOneProviderFoundIsUsed() throws IOException {
        assumeFalse(getClass().getModule().isNamed(), "class path only");

        SettingsStore store = Settings.discover(loaderListing(MapStore.class.getName()));

        assertInstanceOf(MapStore.class, store);
    }

    @Test
    void twoProvidersAreAnErrorThatNamesBoth() throws IOException {
        assumeFalse(getClass().getModule().isNamed(), "class path only");
        ClassLoader loader = loaderListing(MapStore.class.getName(), OtherStore.class.getName());

        IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> Settings.discover(loader));

        assertEquals("signals.test found 2 providers of signals.test.SettingsStore, and uses one only: "
                + MapStore.class.getName() + " (class path), " + OtherStore.class.getName() + " (class path)",
                thrown.getMessage());
    }

    @Test
    void aProviderThatFailsIsNamedInTheError() throws IOException {
        assumeFalse(getClass().getModule().isNamed(), "class path only");
        ClassLoader loader = loaderListing(FailingStore.class.getName());

        IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> Settings.discover(loader));

        assertEquals("The settings store " + FailingStore.class.getName() + " (class path) could not be created",
                thrown.getMessage());
    }

    private ClassLoader loaderListing(String... providers) throws IOException {
        Path file = services.resolve("META-INF/services/signals.test.SettingsStore");
        Files.createDirectories(file.getParent());
        Files.write(file, java.util.List.of(providers));
        return new URLClassLoader(new URL[] {services.toUri().toURL()}, getClass().getClassLoader());
    }

    /** A settings store kept in a map, as an application's configuration would be. */
    public static class MapStore implements SettingsStore {

        private final Map<String, String> values = new ConcurrentHashMap<>();

        @Override
        public String get(String setting) {
            return values.get(setting);
        }

        @Override
        public void set(String setting, String value) {
            if (value == null) {
                values.remove(setting);
            } else {
                values.put(setting, value);
            }
        }
    }

    /** A second provider, which makes the choice ambiguous. */
    public static class OtherStore extends MapStore {
    }

    /** A provider whose constructor fails. */
    public static class FailingStore extends MapStore {

        public FailingStore() {
            throw new IllegalStateException("configuration not loaded");
        }
    }
}
