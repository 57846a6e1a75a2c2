package signals.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.lang.ref.WeakReference;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Receiver discovery for plugins: class loaders and module layers built from real compiled
 * plugins, connected with {@link Signals#discover} and removed with {@link Signals#disconnectAll}.
 */
class DiscoveryTests {

    private static final String SERVICES = "META-INF/services/signals.core.ReceiverProvider";

    @TempDir
    Path dir;

    private final List<ClassLoader> loaders = new ArrayList<>();

    @AfterEach
    void unloadPlugins() throws IOException {
        for (ClassLoader loader : loaders) {
            Signals.disconnectAll(loader);
            if (loader instanceof URLClassLoader) {
                ((URLClassLoader) loader).close();
            }
        }
        assertTrue(HostSignals.PLUGIN_PING.receivers().isEmpty(), "a test left a receiver connected");
    }

    @Test
    void discoverConnectsTheReceiversOfAClassLoadersProviders() {
        URLClassLoader plugin = plugin("one", Map.of(
                "com/example/one/Receivers.java", Plugins.pingProvider("com.example.one", "Receivers", "one heard"),
                SERVICES, "com.example.one.Receivers\n"));

        List<SignalConnection> connected = Signals.discover(plugin);

        assertEquals(1, connected.size());
        assertEquals("provider com.example.one.Receivers (class path)", connected.get(0).origin());
        assertEquals(List.of("one heard hello"), values(HostSignals.PLUGIN_PING.send("test", "hello")));
    }

    @Test
    void discoverRunsEachProviderOnlyOnce() {
        URLClassLoader plugin = plugin("once", Map.of(
                "com/example/once/Receivers.java", Plugins.pingProvider("com.example.once", "Receivers", "once"),
                SERVICES, "com.example.once.Receivers\n"));

        assertEquals(1, Signals.discover(plugin).size());
        assertEquals(List.of(), Signals.discover(plugin));
        assertEquals(1, HostSignals.PLUGIN_PING.receivers().size());
    }

    @Test
    void providersRunInOrderOfModuleThenClassNameWhateverTheServicesFileSays() {
        URLClassLoader plugin = plugin("order", Map.of(
                "com/example/order/Zebra.java", Plugins.pingProvider("com.example.order", "Zebra", "zebra"),
                "com/example/order/Aardvark.java", Plugins.pingProvider("com.example.order", "Aardvark", "aardvark"),
                SERVICES, "com.example.order.Zebra\ncom.example.order.Aardvark\n"));

        Signals.discover(plugin);

        assertEquals(List.of("aardvark x", "zebra x"), values(HostSignals.PLUGIN_PING.send("test", "x")));
    }

    @Test
    void aProviderThatThrowsFailsDiscoveryNamingItsClassAndConnectsNothing() {
        URLClassLoader plugin = plugin("broken", Map.of(
                "com/example/broken/Fine.java", Plugins.pingProvider("com.example.broken", "Fine", "fine"),
                "com/example/broken/Throws.java", """
                        package com.example.broken;
                        public final class Throws implements signals.core.ReceiverProvider {
                          public java.util.List<signals.core.SignalBinding<?>> receivers() {
                            throw new IllegalStateException("no database");
                          }
                        }
                        """,
                SERVICES, "com.example.broken.Fine\ncom.example.broken.Throws\n"));

        SignalException failure = assertThrows(SignalException.class, () -> Signals.discover(plugin));

        assertTrue(failure.getMessage().contains("com.example.broken.Throws (class path)"), failure.getMessage());
        assertTrue(failure.getMessage().contains("no database"), failure.getMessage());
        assertTrue(HostSignals.PLUGIN_PING.receivers().isEmpty(), "the good provider was half-connected");
    }

    @Test
    void aProviderThatCannotBeCreatedFailsDiscoveryNamingItsClass() {
        URLClassLoader plugin = plugin("nocreate", Map.of(
                "com/example/nocreate/Picky.java", """
                        package com.example.nocreate;
                        public final class Picky implements signals.core.ReceiverProvider {
                          public Picky() { throw new UnsupportedOperationException("not today"); }
                          public java.util.List<signals.core.SignalBinding<?>> receivers() { return java.util.List.of(); }
                        }
                        """,
                SERVICES, "com.example.nocreate.Picky\n"));

        SignalException failure = assertThrows(SignalException.class, () -> Signals.discover(plugin));

        assertTrue(failure.getMessage().contains("could not create ReceiverProvider com.example.nocreate.Picky (class path)"),
                failure.getMessage());
        assertTrue(failure.getMessage().contains("not today"), failure.getMessage());
    }

    @Test
    void aServicesFileNamingAMissingClassFailsDiscoveryNamingTheClass() {
        URLClassLoader plugin = plugin("missing", Map.of(SERVICES, "com.example.missing.Gone\n"));

        SignalException failure = assertThrows(SignalException.class, () -> Signals.discover(plugin));

        assertTrue(failure.getMessage().contains("com.example.missing.Gone"), failure.getMessage());
    }

    @Test
    void aProviderThatHitsAMissingClassFailsDiscoveryNamingItsClass() throws IOException {
        Path out = Plugins.buildClassPath(dir.resolve("linkage"), Map.of(
                "com/example/linkage/Needy.java", """
                        package com.example.linkage;
                        public final class Needy implements signals.core.ReceiverProvider {
                          public java.util.List<signals.core.SignalBinding<?>> receivers() { return Optional.STUFF; }
                        }
                        """,
                "com/example/linkage/Optional.java", """
                        package com.example.linkage;
                        final class Optional {
                          static final java.util.List<signals.core.SignalBinding<?>> STUFF = java.util.List.of();
                        }
                        """,
                SERVICES, "com.example.linkage.Needy\n"));
        // As when an optional dependency is not deployed.
        Files.delete(out.resolve("com/example/linkage/Optional.class"));
        URLClassLoader plugin = Plugins.loader(out);
        loaders.add(plugin);

        SignalException failure = assertThrows(SignalException.class, () -> Signals.discover(plugin));

        assertTrue(failure.getMessage().startsWith("ReceiverProvider com.example.linkage.Needy (class path) threw"
                + " java.lang.NoClassDefFoundError"), failure.getMessage());
    }

    @Test
    void aProviderThatReturnsNullFailsDiscoveryNamingItsClass() {
        URLClassLoader plugin = plugin("nulls", Map.of(
                "com/example/nulls/Empty.java", """
                        package com.example.nulls;
                        public final class Empty implements signals.core.ReceiverProvider {
                          public java.util.List<signals.core.SignalBinding<?>> receivers() { return null; }
                        }
                        """,
                SERVICES, "com.example.nulls.Empty\n"));

        SignalException failure = assertThrows(SignalException.class, () -> Signals.discover(plugin));

        assertEquals("ReceiverProvider com.example.nulls.Empty (class path) returned null from receivers()",
                failure.getMessage());
    }

    @Test
    void disconnectAllLeavesNothingThatKeepsAnUndeployedClassLoaderAlive() throws Exception {
        WeakReference<ClassLoader> unloaded = deployUseAndUndeploy();

        for (int i = 0; i < 100 && unloaded.get() != null; i++) {
            System.gc();
            Thread.sleep(20);
        }

        assertNull(unloaded.get(), "the plugin's class loader is still reachable after disconnectAll");
        assertTrue(HostSignals.PLUGIN_PING.receivers().isEmpty());
    }

    /** In its own frame, so that no local variable of the test keeps the plugin alive. */
    private WeakReference<ClassLoader> deployUseAndUndeploy() throws IOException {
        URLClassLoader plugin = Plugins.loader(Plugins.buildClassPath(dir.resolve("leak"), Map.of(
                "com/example/leak/Receivers.java", """
                        package com.example.leak;
                        import java.util.List;
                        import signals.core.*;
                        public final class Receivers implements ReceiverProvider {
                          public List<SignalBinding<?>> receivers() {
                            return List.of(
                              SignalBinding.responder(HostSignals.PLUGIN_PING, (s, sender, text) -> "leak " + text),
                              SignalBinding.receiver(HostSignals.PLUGIN_PING, (s, sender, text) -> { },
                                  ConnectOption.sender(Receivers.class)),
                              SignalBinding.receiver(HostSignals.PLUGIN_PING, (s, sender, text) -> { },
                                  ConnectOption.senderOrSubclassOf(CharSequence.class)),
                              SignalBinding.receiver(Own.SIGNAL, (s, sender, text) -> { }));
                          }
                        }
                        """,
                "com/example/leak/Own.java", """
                        package com.example.leak;
                        public final class Own {
                          public static final signals.core.Signal<String> SIGNAL = signals.core.Signal.of("leak_own", String.class);
                        }
                        """,
                SERVICES, "com.example.leak.Receivers\n")));

        assertEquals(4, Signals.discover(plugin).size());
        assertEquals(List.of("leak ping"), values(HostSignals.PLUGIN_PING.send("test", "ping")));
        // Caches a route for a class of the JDK that leads to the plugin's receivers.
        assertEquals(2, HostSignals.PLUGIN_PING.send(String.class, "cached").size());
        assertTrue(Signals.inventory().toString().contains("com.example.leak.Receivers"));
        assertEquals(1, Signals.find("leak_own").size());

        assertEquals(4, Signals.disconnectAll(plugin));
        assertEquals(List.of(), Signals.find("leak_own"), "a signal the plugin declared is forgotten");
        assertEquals(List.of(), HostSignals.PLUGIN_PING.send(String.class, "again"), "no cached route survives");
        plugin.close();
        return new WeakReference<>(plugin);
    }

    @Test
    void disconnectAllAlsoRemovesReceiversAPluginConnectedByHand() throws Exception {
        URLClassLoader plugin = plugin("byhand", Map.of(
                "com/example/byhand/Hook.java", """
                        package com.example.byhand;
                        import signals.core.*;
                        public final class Hook implements Runnable {
                          public void run() { HostSignals.PLUGIN_PING.connect((s, sender, text) -> { }); }
                        }
                        """));
        Runnable hook = (Runnable) plugin.loadClass("com.example.byhand.Hook").getConstructor().newInstance();
        hook.run();
        assertFalse(HostSignals.PLUGIN_PING.receivers().isEmpty());

        assertEquals(1, Signals.disconnectAll(plugin));
        assertTrue(HostSignals.PLUGIN_PING.receivers().isEmpty());
    }

    @Test
    void aModuleLayerPluginIsDiscoveredAndDisconnected() {
        assumeTrue(Signal.class.getModule().isNamed(), "module layers need signals.core on the module path");
        Path out = Plugins.build(dir.resolve("layer"), Map.of(
                "module-info.java", """
                        module com.example.layered {
                          requires signals.core;
                          provides signals.core.ReceiverProvider with com.example.layered.Receivers;
                        }
                        """,
                "com/example/layered/Receivers.java",
                Plugins.pingProvider("com.example.layered", "Receivers", "layer heard")),
                "--module-path", Plugins.CLASSES.toString(),
                "--patch-module", "signals.core=" + Plugins.TEST_CLASSES);
        ModuleLayer layer = Plugins.layer(out, "com.example.layered");
        loaders.add(layer.findLoader("com.example.layered"));

        List<SignalConnection> connected = Signals.discover(layer);

        assertEquals("provider com.example.layered.Receivers (module com.example.layered)", connected.get(0).origin());
        assertEquals(List.of("layer heard hi"), values(HostSignals.PLUGIN_PING.send("test", "hi")));
        assertEquals(1, Signals.disconnectAll(layer));
        assertTrue(HostSignals.PLUGIN_PING.receivers().isEmpty());
    }

    @Test
    void inventoryListsAdaptersSignalsAndWhoConnectedEachReceiver() {
        URLClassLoader plugin = plugin("adapter", Map.of(
                "com/example/adapter/Fired.java", """
                        package com.example.adapter;
                        public final class Fired {
                          public static final signals.core.Signal<String> THING_DONE = signals.core.spi.SignalAdapter
                              .declare("thing_done", String.class, "com.example.adapter");
                        }
                        """,
                "com/example/adapter/ThingAdapter.java", """
                        package com.example.adapter;
                        public final class ThingAdapter implements signals.core.spi.SignalAdapter {
                          public String host() { return "the thing machine"; }
                          public java.util.List<signals.core.Signal<?>> signals() { return java.util.List.of(Fired.THING_DONE); }
                        }
                        """,
                "com/example/adapter/Receivers.java", """
                        package com.example.adapter;
                        public final class Receivers implements signals.core.ReceiverProvider {
                          public java.util.List<signals.core.SignalBinding<?>> receivers() {
                            return java.util.List.of(signals.core.SignalBinding.receiver(Fired.THING_DONE, (s, sender, t) -> { },
                                signals.core.ConnectOption.dispatchUid("thing.log")));
                          }
                        }
                        """,
                SERVICES, "com.example.adapter.Receivers\n",
                "META-INF/services/signals.core.spi.SignalAdapter", "com.example.adapter.ThingAdapter\n"));

        Signals.discover(plugin);
        Inventory inventory = Signals.inventory();

        Inventory.Adapter adapter = inventory.adapters().stream()
                .filter(a -> a.type().startsWith("com.example.adapter.ThingAdapter")).findFirst().orElseThrow();
        assertEquals("the thing machine", adapter.host());
        assertEquals(List.of("thing_done"), adapter.signals());
        Inventory.SignalEntry entry = inventory.signals().stream()
                .filter(s -> s.name().equals("thing_done")).findFirst().orElseThrow();
        assertEquals("com.example.adapter", entry.firedBy());
        assertTrue(entry.adapterFound());
        assertEquals(1, entry.receivers().size());
        assertEquals("thing.log", entry.receivers().get(0).dispatchUid());
        assertEquals("provider com.example.adapter.Receivers (class path)", entry.receivers().get(0).origin());
        assertTrue(entry.receivers().get(0).receiver().startsWith("lambda in com.example.adapter.Receivers"),
                entry.receivers().get(0).receiver());
        assertEquals(1, Signals.find("thing_done").size());
    }

    @Test
    void connectingToABuiltInSignalWhoseAdapterIsMissingWarnsWhichModuleToAdd() {
        Signal<String> orphan = Signal.builder("orphan_signal", String.class).firedBy("signals.nowhere").build();
        List<LogRecord> records = new ArrayList<>();
        Handler capture = new Handler() {
            @Override public void publish(LogRecord record) {
                records.add(record);
            }
            @Override public void flush() {
            }
            @Override public void close() {
            }
        };
        Logger logger = Logger.getLogger("signals.core");
        logger.addHandler(capture);
        try (SignalConnection ignored = orphan.connect((s, sender, text) -> { });
             SignalConnection again = orphan.connect((s, sender, text) -> { })) {
            assertEquals(1, records.size(), "warned once per signal, not once per receiver");
            assertEquals(Level.WARNING, records.get(0).getLevel());
            String message = records.get(0).getMessage();
            assertTrue(message.contains("'orphan_signal'") && message.contains("add signals.nowhere"), message);
            assertFalse(Signals.inventory().signals().stream()
                    .filter(s -> s.name().equals("orphan_signal")).findFirst().orElseThrow().adapterFound());
        } finally {
            logger.removeHandler(capture);
        }
    }

    private URLClassLoader plugin(String name, Map<String, String> files) {
        URLClassLoader loader = Plugins.loader(Plugins.buildClassPath(dir.resolve(name), files));
        loaders.add(loader);
        return loader;
    }

    private static List<Object> values(List<Reply> replies) {
        List<Object> values = new ArrayList<>();
        replies.forEach(reply -> values.add(reply.value()));
        return values;
    }
}
