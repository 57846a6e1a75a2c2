package signals.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.lang.module.ModuleFinder;
import java.lang.ref.WeakReference;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
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
    private static final String ADAPTERS = "META-INF/services/signals.core.spi.SignalAdapter";

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
                SERVICES, "com.example.once.Receivers\ncom.example.once.Receivers\n"));

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

    // Issue 23, item 9: a web application with its own signals-core, under a server whose class
    // path has another copy and an adapter built on it.
    @Test
    void providersOfAnotherCopyOfTheLibraryAreSkippedWithOneWarningNamingBothClassLoaders() throws IOException {
        Path built = Plugins.buildClassPath(dir.resolve("other-copy"), Map.of(
                "com/example/other/Theirs.java", """
                        package com.example.other;
                        public final class Theirs implements signals.core.ReceiverProvider {
                          public java.util.List<signals.core.SignalBinding<?>> receivers() { return java.util.List.of(); }
                        }
                        """,
                "com/example/other/TheirAdapter.java", """
                        package com.example.other;
                        public final class TheirAdapter implements signals.core.spi.SignalAdapter {
                          public String host() { return "theirs"; }
                          public java.util.List<signals.core.Signal<?>> signals() { return java.util.List.of(); }
                        }
                        """,
                SERVICES, "com.example.other.Theirs\n",
                ADAPTERS, "com.example.other.TheirAdapter\n"));
        // The server's loader: its own copy of signals.core, and the providers built on it. Its
        // parent is the bootstrap loader: the platform loader would hand out the test's copy on
        // the module path.
        URLClassLoader server = new URLClassLoader("server",
                new java.net.URL[] {Plugins.CLASSES.toUri().toURL(), built.toUri().toURL()}, null);
        loaders.add(server);
        Signals.discover();

        try (LogCapture log = LogCapture.start()) {
            assertEquals(List.of(), Signals.discover(server));
            assertEquals(List.of(), Signals.discover(server));

            List<String> messages = log.records().stream().map(LogRecord::getMessage).toList();
            assertEquals(2, messages.size(), "once per provider, not once per round: " + messages);
            assertTrue(messages.get(0).startsWith("Skipped SignalAdapter com.example.other.TheirAdapter (class path)"),
                    messages.get(0));
            assertTrue(messages.get(1).startsWith("Skipped ReceiverProvider com.example.other.Theirs (class path)"),
                    messages.get(1));
            for (String message : messages) {
                assertTrue(message.contains("loaded by 'server' java.net.URLClassLoader@"), message);
                assertTrue(message.contains("not this copy's, loaded by " + ProviderLoader.describe(Signal.class.getClassLoader())),
                        message);
            }
            assertTrue(log.records().stream().allMatch(record -> record.getLevel() == Level.WARNING));
        }
        assertTrue(Signals.inventory().adapters().stream().noneMatch(adapter -> adapter.host().equals("theirs")));
    }

    @Test
    void aServicesFileNamingAClassThatIsNoProviderAtAllStillFailsDiscoveryNamingIt() {
        URLClassLoader plugin = plugin("stranger", Map.of(
                "com/example/stranger/Stranger.java", """
                        package com.example.stranger;
                        public final class Stranger implements Runnable {
                          public void run() { }
                        }
                        """,
                SERVICES, "com.example.stranger.Stranger\n"));

        SignalException failure = assertThrows(SignalException.class, () -> Signals.discover(plugin));

        assertTrue(failure.getMessage().contains("com.example.stranger.Stranger not a subtype"), failure.getMessage());
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
        Path out = providerModule("com.example.layered", "com.example.layered", "layer heard");
        ModuleLayer layer = Plugins.layer(out, "com.example.layered");
        loaders.add(layer.findLoader("com.example.layered"));

        List<SignalConnection> connected = Signals.discover(layer);

        assertEquals("provider com.example.layered.Receivers (module com.example.layered)", connected.get(0).origin());
        assertEquals(List.of("layer heard hi"), values(HostSignals.PLUGIN_PING.send("test", "hi")));
        assertEquals(1, Signals.disconnectAll(layer));
        assertTrue(HostSignals.PLUGIN_PING.receivers().isEmpty());
    }

    @Test
    void providersOfALayerRunInOrderOfModuleNameBeforeClassName() {
        assumeTrue(Signal.class.getModule().isNamed(), "module layers need signals.core on the module path");
        // Module a.first holds the class whose name sorts last, so only the module name orders them.
        Path first = providerModule("a.first", "z.last", "module a.first");
        Path second = providerModule("b.second", "a.first", "module b.second");
        ModuleLayer boot = ModuleLayer.boot();
        ModuleLayer layer = boot.defineModulesWithOneLoader(boot.configuration().resolveAndBind(
                ModuleFinder.of(second, first), ModuleFinder.of(), Set.of("a.first", "b.second")),
                ClassLoader.getSystemClassLoader());
        loaders.add(layer.findLoader("a.first"));

        assertEquals(2, Signals.discover(layer).size());

        assertEquals(List.of("module a.first x", "module b.second x"), values(HostSignals.PLUGIN_PING.send("test", "x")));
        assertEquals(2, Signals.disconnectAll(layer));
    }

    /** A named module whose provider class {@code <package>.Receivers} answers the ping. */
    private Path providerModule(String module, String packageName, String answer) {
        return Plugins.build(dir.resolve(module), Map.of(
                "module-info.java", """
                        module %s {
                          requires signals.core;
                          provides signals.core.ReceiverProvider with %s.Receivers;
                        }
                        """.formatted(module, packageName),
                packageName.replace('.', '/') + "/Receivers.java", Plugins.pingProvider(packageName, "Receivers", answer)),
                "--module-path", Plugins.CLASSES.toString(),
                "--patch-module", "signals.core=" + Plugins.TEST_CLASSES);
    }

    @Test
    void inventoryListsAdaptersSignalsAndWhoConnectedEachReceiver() {
        URLClassLoader plugin = plugin("adapter", Map.of(
                "com/example/adapter/Fired.java", fired("com.example.adapter", "thing_done", "com.example.adapter"),
                "com/example/adapter/ThingAdapter.java", adapter("com.example.adapter", "ThingAdapter", "the thing machine"),
                "com/example/adapter/Receivers.java", """
                        package com.example.adapter;
                        public final class Receivers implements signals.core.ReceiverProvider {
                          public java.util.List<signals.core.SignalBinding<?>> receivers() {
                            return java.util.List.of(signals.core.SignalBinding.receiver(Fired.SIGNAL, (s, sender, t) -> { },
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
        try (SignalConnection ignored = orphan.connect((s, sender, text) -> { })) {
            assertEquals(1, records.size(), "the first receiver did not warn");
            orphan.connect((s, sender, text) -> { });
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

    @Test
    void aProviderThatReturnsANullBindingFailsDiscoveryNamingItsIndex() {
        URLClassLoader plugin = plugin("nullbinding", Map.of(
                "com/example/nullbinding/Holey.java", """
                        package com.example.nullbinding;
                        import java.util.*;
                        import signals.core.*;
                        public final class Holey implements ReceiverProvider {
                          public List<SignalBinding<?>> receivers() {
                            List<SignalBinding<?>> bindings = new ArrayList<>();
                            bindings.add(SignalBinding.receiver(HostSignals.PLUGIN_PING, (s, sender, text) -> { }));
                            bindings.add(null);
                            return bindings;
                          }
                        }
                        """,
                SERVICES, "com.example.nullbinding.Holey\n"));

        SignalException failure = assertThrows(SignalException.class, () -> Signals.discover(plugin));

        assertEquals("ReceiverProvider com.example.nullbinding.Holey (class path) returned a null binding at index 1",
                failure.getMessage());
        assertTrue(HostSignals.PLUGIN_PING.receivers().isEmpty(), "the binding before the hole was connected");
    }

    @Test
    void anAdapterThatThrowsFailsDiscoveryNamingItsClassAndConnectsNothing() {
        URLClassLoader plugin = plugin("badadapter", Map.of(
                "com/example/badadapter/Receivers.java",
                Plugins.pingProvider("com.example.badadapter", "Receivers", "bad"),
                "com/example/badadapter/Moody.java", """
                        package com.example.badadapter;
                        public final class Moody implements signals.core.spi.SignalAdapter {
                          public String host() { throw new IllegalStateException("no host today"); }
                          public java.util.List<signals.core.Signal<?>> signals() { return java.util.List.of(); }
                        }
                        """,
                SERVICES, "com.example.badadapter.Receivers\n",
                ADAPTERS, "com.example.badadapter.Moody\n"));

        SignalException failure = assertThrows(SignalException.class, () -> Signals.discover(plugin));

        assertEquals("SignalAdapter com.example.badadapter.Moody (class path) threw java.lang.IllegalStateException:"
                + " no host today", failure.getMessage());
        assertTrue(failure.getCause() instanceof IllegalStateException, String.valueOf(failure.getCause()));
        assertTrue(HostSignals.PLUGIN_PING.receivers().isEmpty(), "the provider beside a broken adapter was connected");
        assertTrue(adapterTypes().stream().noneMatch(type -> type.startsWith("com.example.badadapter")));
    }

    @Test
    void anAdapterWhoseSignalsAreNullFailsDiscoveryNamingIt() {
        String failure = discoveryFailure("nulladapter", Map.of(
                "com/example/nulladapter/Blank.java", adapter("com.example.nulladapter", "Blank", "nothing", "null"),
                ADAPTERS, "com.example.nulladapter.Blank\n"));

        assertEquals("SignalAdapter com.example.nulladapter.Blank (class path) returned null from signals()", failure);
    }

    @Test
    void anAdapterThatListsANullSignalFailsDiscoveryNamingItsIndex() {
        String failure = discoveryFailure("holeyadapter", Map.of(
                "com/example/holeyadapter/Holey.java", adapter("com.example.holeyadapter", "Holey", "holes",
                        "java.util.Arrays.asList(signals.core.HostSignals.PLUGIN_PING, null)"),
                ADAPTERS, "com.example.holeyadapter.Holey\n"));

        assertEquals("SignalAdapter com.example.holeyadapter.Holey (class path) lists a null signal at index 1", failure);
        assertTrue(adapterTypes().stream().noneMatch(type -> type.startsWith("com.example.holeyadapter")));
    }

    @Test
    void aRedeployedPluginIsDiscoveredAgainAfterDisconnectAll() {
        URLClassLoader plugin = plugin("redeploy", Map.of(
                "com/example/redeploy/Receivers.java", Plugins.pingProvider("com.example.redeploy", "Receivers", "back"),
                "com/example/redeploy/Fires.java", adapter("com.example.redeploy", "Fires", "redeploy host",
                        "java.util.List.of(signals.core.HostSignals.PLUGIN_PING)"),
                SERVICES, "com.example.redeploy.Receivers\n",
                ADAPTERS, "com.example.redeploy.Fires\n"));
        assertEquals(1, Signals.discover(plugin).size());
        assertEquals(1, adapterTypes().stream().filter(type -> type.startsWith("com.example.redeploy.Fires")).count());

        assertEquals(1, Signals.disconnectAll(plugin));
        assertTrue(adapterTypes().stream().noneMatch(type -> type.startsWith("com.example.redeploy")),
                "an undeployed adapter is still listed");

        assertEquals(1, Signals.discover(plugin).size(), "the provider did not run again");
        assertEquals(List.of("back x"), values(HostSignals.PLUGIN_PING.send("test", "x")));
        assertEquals(1, adapterTypes().stream().filter(type -> type.startsWith("com.example.redeploy.Fires")).count());
    }

    @Test
    void anInterruptedThreadDoesNotWaitForDiscoveryAndStaysInterrupted() {
        URLClassLoader plugin = plugin("interrupted", Map.of(
                "com/example/interrupted/Receivers.java",
                Plugins.pingProvider("com.example.interrupted", "Receivers", "late"),
                SERVICES, "com.example.interrupted.Receivers\n"));
        Signals.discover();

        Thread.currentThread().interrupt();
        SignalException failure;
        try {
            failure = assertThrows(SignalException.class, () -> Signals.discover(plugin));
        } finally {
            assertTrue(Thread.interrupted(), "the interrupt was swallowed");
        }

        assertEquals("interrupted while waiting for receiver discovery", failure.getMessage());
        assertTrue(failure.getCause() instanceof InterruptedException, String.valueOf(failure.getCause()));
        assertTrue(HostSignals.PLUGIN_PING.receivers().isEmpty());
        assertEquals(1, Signals.discover(plugin).size(), "the interrupted round ran the provider after all");
    }

    @Test
    void discoveringAPluginWithItsOwnAdapterDoesNotWarnThatTheAdapterIsMissing() {
        URLClassLoader plugin = plugin("selfcontained", Map.of(
                "com/example/selfcontained/Fired.java",
                fired("com.example.selfcontained", "selfcontained_made", "com.example.selfcontained"),
                "com/example/selfcontained/Maker.java", adapter("com.example.selfcontained", "Maker", "the maker"),
                "com/example/selfcontained/Receivers.java", listeners("com.example.selfcontained", 1),
                SERVICES, "com.example.selfcontained.Receivers\n",
                ADAPTERS, "com.example.selfcontained.Maker\n"));

        try (LogCapture log = LogCapture.start()) {
            assertEquals(1, Signals.discover(plugin).size());

            assertEquals(List.of(), log.records().stream().map(LogRecord::getMessage).toList());
        }
    }

    @Test
    void discoveringAPluginThatListensToASignalWithoutItsAdapterWarnsOnce() {
        URLClassLoader plugin = plugin("orphaned", Map.of(
                "com/example/orphaned/Fired.java", fired("com.example.orphaned", "orphaned_lost", "com.example.elsewhere"),
                "com/example/orphaned/Receivers.java", listeners("com.example.orphaned", 2),
                SERVICES, "com.example.orphaned.Receivers\n"));

        // Built in, its adapter missing too, but nobody listens: nothing to warn about.
        Signal<String> quiet = Signal.builder("quiet_builtin", String.class).firedBy("com.example.silent").build();
        try (LogCapture log = LogCapture.start()) {
            assertEquals(2, Signals.discover(plugin).size());

            List<String> messages = log.records().stream().map(LogRecord::getMessage).toList();
            assertEquals(1, messages.size(), messages.toString());
            assertTrue(messages.get(0).contains("'orphaned_lost'") && messages.get(0).contains("add com.example.elsewhere"),
                    messages.get(0));
            assertTrue(quiet.receivers().isEmpty());
        }
    }

    @Test
    void receiversOnSeveralSignalsOfOneMissingAdapterGetOneWarningNamingTheModule() {
        Signals.discover();
        Signal<String> first = Signal.builder("twice_first", String.class).firedBy("com.example.twice").build();
        Signal<String> second = Signal.builder("twice_second", String.class).firedBy("com.example.twice").build();
        try (LogCapture log = LogCapture.start()) {
            SignalConnection one = first.connect((signal, sender, text) -> { });
            SignalConnection two = second.connect((signal, sender, text) -> { });
            Signals.discover();
            one.disconnect();
            two.disconnect();

            List<String> messages = log.records().stream().map(LogRecord::getMessage).toList();
            assertEquals(1, messages.size(), messages.toString());
            assertTrue(messages.get(0).contains("'twice_first'") && messages.get(0).contains("add com.example.twice"),
                    messages.get(0));
        }
    }

    @Test
    void disconnectAllRemovesHostReceiversWhoseOwnerSenderOrConnectorComesFromThePlugin() throws Exception {
        URLClassLoader plugin = plugin("holders", Map.of(
                "com/example/holders/Thing.java", """
                        package com.example.holders;
                        public final class Thing {
                        }
                        """,
                "com/example/holders/Wiring.java", """
                        package com.example.holders;
                        import java.util.function.Consumer;
                        import signals.core.*;
                        public final class Wiring implements Consumer<Receiver<String>> {
                          public void accept(Receiver<String> receiver) { HostSignals.PLUGIN_PING.connect(receiver); }
                        }
                        """));
        Class<?> thingClass = plugin.loadClass("com.example.holders.Thing");
        Object owner = thingClass.getConstructor().newInstance();
        Object sender = thingClass.getConstructor().newInstance();
        List<String> heard = new ArrayList<>();
        HostSignals.PLUGIN_PING.connectWeak(owner, (o, s, sent, text) -> heard.add("owned"));
        HostSignals.PLUGIN_PING.connect((s, sent, text) -> heard.add("by object"), ConnectOption.sender(sender));
        HostSignals.PLUGIN_PING.connect((s, sent, text) -> heard.add("by class"), ConnectOption.sender(thingClass));
        @SuppressWarnings("unchecked")
        Consumer<Receiver<String>> wiring = (Consumer<Receiver<String>>) plugin.loadClass("com.example.holders.Wiring")
                .getConstructor().newInstance();
        wiring.accept((s, sent, text) -> heard.add("wired"));
        try (SignalConnection host = HostSignals.PLUGIN_PING.connect((s, sent, text) -> heard.add("host"),
                ConnectOption.sender("host"))) {

            assertEquals(4, Signals.disconnectAll(plugin));

            assertEquals(List.of(host), HostSignals.PLUGIN_PING.receivers(), "only the host's own connection stays");
            HostSignals.PLUGIN_PING.send(sender, "x");
            HostSignals.PLUGIN_PING.send(thingClass, "x");
            HostSignals.PLUGIN_PING.send("host", "x");
            assertEquals(List.of("host"), heard);
        }
    }

    @Test
    void disconnectAllOfAModuleLayerRemovesWhatHoldsItsClassesAndOnlyThat() throws Exception {
        Path out = Plugins.build(dir.resolve("things"), Map.of(
                "module-info.java", "module com.example.things { exports com.example.things; }\n",
                "com/example/things/Thing.java", "package com.example.things;\npublic final class Thing {\n}\n"));
        ModuleLayer layer = Plugins.layer(out, "com.example.things");
        // A child layer, as a plugin that depends on another is loaded, and an unrelated sibling.
        ModuleLayer child = layer.defineModulesWithOneLoader(layer.configuration().resolve(
                ModuleFinder.of(Plugins.build(dir.resolve("child"), Map.of(
                        "module-info.java", "module com.example.child { requires com.example.things; exports com.example.child; }\n",
                        "com/example/child/Part.java", "package com.example.child;\npublic final class Part {\n}\n"),
                        "--module-path", out.toString())),
                ModuleFinder.of(), Set.of("com.example.child")), ClassLoader.getSystemClassLoader());
        ModuleLayer sibling = Plugins.layer(Plugins.build(dir.resolve("sibling"), Map.of(
                "module-info.java", "module com.example.things { exports com.example.things; }\n",
                "com/example/things/Thing.java", "package com.example.things;\npublic final class Thing {\n}\n")),
                "com.example.things");
        Class<?> thing = layer.findLoader("com.example.things").loadClass("com.example.things.Thing");
        Class<?> part = child.findLoader("com.example.child").loadClass("com.example.child.Part");
        Class<?> other = sibling.findLoader("com.example.things").loadClass("com.example.things.Thing");
        Object owner = part.getConstructor().newInstance();
        List<String> heard = new ArrayList<>();
        HostSignals.PLUGIN_PING.connect((s, sent, text) -> heard.add("thing"), ConnectOption.sender(thing));
        HostSignals.PLUGIN_PING.connectWeak(owner, (o, s, sent, text) -> heard.add("part"));
        try (SignalConnection kept = HostSignals.PLUGIN_PING.connect((s, sent, text) -> heard.add("other"),
                ConnectOption.sender(other))) {

            assertEquals(2, Signals.disconnectAll(layer), "the layer's and its child's");

            assertEquals(List.of(kept), HostSignals.PLUGIN_PING.receivers());
            HostSignals.PLUGIN_PING.send(thing, "x");
            HostSignals.PLUGIN_PING.send(other, "x");
            assertEquals(List.of("other"), heard);
            assertEquals(1, Signals.disconnectAll(sibling));
        }
    }

    @Test
    void aRoundReleasesTheDiscoveryLockForOtherThreads() throws Exception {
        URLClassLoader first = plugin("first", Map.of(
                "com/example/first/Receivers.java", Plugins.pingProvider("com.example.first", "Receivers", "first"),
                SERVICES, "com.example.first.Receivers\n"));
        URLClassLoader second = plugin("second", Map.of(
                "com/example/second/Receivers.java", Plugins.pingProvider("com.example.second", "Receivers", "second"),
                SERVICES, "com.example.second.Receivers\n"));
        assertEquals(1, Signals.discover(first).size());
        assertEquals(1, Signals.disconnectAll(first));

        // Were the lock still held by this thread, the other would wait for it in vain.
        CompletableFuture<Integer> elsewhere = CompletableFuture.supplyAsync(() -> Signals.discover(second).size(),
                Executors.newSingleThreadExecutor(runnable -> new Thread(runnable, "another discoverer")));

        assertEquals(1, elsewhere.join());
        assertEquals(List.of("second x"), values(HostSignals.PLUGIN_PING.send("test", "x")));
    }

    @Test
    void anAdapterRunsOnceHoweverOftenItsLoaderIsDiscovered() {
        URLClassLoader plugin = plugin("adapteronce", Map.of(
                "com/example/adapteronce/Fires.java", adapter("com.example.adapteronce", "Fires", "once", "java.util.List.of()"),
                ADAPTERS, "com.example.adapteronce.Fires\n"));

        Signals.discover(plugin);
        Signals.discover(plugin);

        assertEquals(1, adapterTypes().stream().filter(type -> type.startsWith("com.example.adapteronce.Fires")).count());
    }

    @Test
    void disconnectAllLetsGoOfRoutesCachedForThePluginsClasses() throws Exception {
        Signal<String> hierarchy = Signal.of("hierarchy", String.class);
        List<Object> senders = new ArrayList<>();
        try (SignalConnection anyObject = hierarchy.connect((s, sender, text) -> senders.add(sender),
                ConnectOption.senderOrSubclassOf(Object.class))) {
            WeakReference<ClassLoader> unloaded = sendFromAPluginClassAndUndeploy(hierarchy);
            senders.clear();

            assertTrue(Gc.until(() -> unloaded.get() == null),
                    "a route cached for the plugin's class keeps its loader reachable");
            assertTrue(anyObject.isConnected(), "the host's own receiver stays");
        }
    }

    /** In its own frame, so that no local variable keeps the plugin alive. */
    private WeakReference<ClassLoader> sendFromAPluginClassAndUndeploy(Signal<String> hierarchy) throws Exception {
        URLClassLoader plugin = Plugins.loader(Plugins.buildClassPath(dir.resolve("cached"), Map.of(
                "com/example/cached/Sender.java", "package com.example.cached;\npublic final class Sender {\n}\n")));
        Class<?> sender = plugin.loadClass("com.example.cached.Sender");
        assertEquals(1, hierarchy.send(sender, "cached").size());
        assertEquals(0, Signals.disconnectAll(plugin), "the receiver is the host's");
        plugin.close();
        return new WeakReference<>(plugin);
    }

    /** Source of {@code Fired}, which declares a built-in signal {@code SIGNAL} that a module fires. */
    private static String fired(String packageName, String signal, String module) {
        return """
                package %s;
                public final class Fired {
                  public static final signals.core.Signal<String> SIGNAL = signals.core.spi.SignalAdapter
                      .declare("%s", String.class, "%s");
                }
                """.formatted(packageName, signal, module);
    }

    /** Source of an adapter that fires the package's {@code Fired.SIGNAL}. */
    private static String adapter(String packageName, String className, String host) {
        return adapter(packageName, className, host, "java.util.List.of(Fired.SIGNAL)");
    }

    /** Source of an adapter whose {@code signals()} returns the given expression. */
    private static String adapter(String packageName, String className, String host, String signals) {
        return """
                package %s;
                public final class %s implements signals.core.spi.SignalAdapter {
                  public String host() { return "%s"; }
                  public java.util.List<signals.core.Signal<?>> signals() { return %s; }
                }
                """.formatted(packageName, className, host, signals);
    }

    /** Source of a provider {@code Receivers} that binds that many receivers to {@code Fired.SIGNAL}. */
    private static String listeners(String packageName, int count) {
        return """
                package %s;
                public final class Receivers implements signals.core.ReceiverProvider {
                  public java.util.List<signals.core.SignalBinding<?>> receivers() {
                    java.util.List<signals.core.SignalBinding<?>> bindings = new java.util.ArrayList<>();
                    for (int i = 0; i < %d; i++) {
                      int n = i; // captured, so that each receiver is an object of its own, not a duplicate
                      bindings.add(signals.core.SignalBinding.receiver(Fired.SIGNAL,
                          (s, sender, t) -> java.util.Objects.requireNonNull(t, "listener " + n)));
                    }
                    return bindings;
                  }
                }
                """.formatted(packageName, count);
    }

    private String discoveryFailure(String name, Map<String, String> files) {
        URLClassLoader plugin = plugin(name, files);
        return assertThrows(SignalException.class, () -> Signals.discover(plugin)).getMessage();
    }

    private static List<String> adapterTypes() {
        return Signals.inventory().adapters().stream().map(Inventory.Adapter::type).toList();
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
