package signals.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * The automatic discovery at first use, seen from a real application: each test compiles an
 * application module with its own {@link ReceiverProvider}s and runs it in a new JVM, once on the
 * module path (the provider declared with {@code provides}) and once on the class path (declared
 * in {@code META-INF/services}). A new JVM because automatic discovery happens once per JVM.
 */
class StartupDiscoveryTests {

    enum Path_ { MODULE_PATH, CLASS_PATH }

    private static final String MAIN = """
            package com.example.app;
            import java.util.*;
            import java.util.concurrent.*;
            import signals.core.*;
            public final class Main {
              public static final Signal<String> PING = Signal.of("ping", String.class);
              public static void main(String[] args) throws Exception {
                if (args[0].equals("race")) {
                  CountDownLatch start = new CountDownLatch(1);
                  List<Thread> threads = new ArrayList<>();
                  List<Integer> replies = Collections.synchronizedList(new ArrayList<>());
                  for (int i = 0; i < 8; i++) {
                    Thread t = new Thread(() -> {
                      try { start.await(); } catch (InterruptedException e) { return; }
                      replies.add(PING.send("main", "x").size());
                    });
                    t.start(); threads.add(t);
                  }
                  start.countDown();
                  for (Thread t : threads) t.join();
                  System.out.println("declared=" + Receivers.DECLARED.get() + " replies=" + replies);
                } else if (args[0].equals("clinit")) {
                  // Another thread initializes Shop, whose static initializer connects, while this
                  // thread's first send runs discovery, whose provider needs Shop: connect must not wait.
                  Thread other = new Thread(() -> System.out.println("shop ready: " + Shop.READY));
                  other.start();
                  Shop.STARTED.await();
                  System.out.println("replies=" + PING.send("main", "x").size());
                  other.join();
                } else {
                  for (int i = 0; i < 2; i++) {
                    try { PING.send("main", "x"); System.out.println("sent"); }
                    catch (RuntimeException e) { System.out.println(e.getClass().getSimpleName() + ": " + e.getMessage()); }
                  }
                  try { System.out.println("connected=" + PING.receivers().size()); }
                  catch (RuntimeException e) { System.out.println(e.getClass().getSimpleName() + ": " + e.getMessage()); }
                }
              }
            }
            """;

    private static final String RECEIVERS = """
            package com.example.app;
            import java.util.List;
            import java.util.concurrent.atomic.AtomicInteger;
            import signals.core.*;
            public final class Receivers implements ReceiverProvider {
              static final AtomicInteger DECLARED = new AtomicInteger();
              public List<SignalBinding<?>> receivers() {
                DECLARED.incrementAndGet();
                // Widens the window in which the other threads race for discovery.
                try { Thread.sleep(300); } catch (InterruptedException e) { throw new IllegalStateException(e); }
                return List.of(SignalBinding.responder(Main.PING, (s, sender, text) -> "pong"));
              }
            }
            """;

    private static final String SHOP = """
            package com.example.app;
            import java.util.concurrent.CountDownLatch;
            public final class Shop {
              static final CountDownLatch STARTED = new CountDownLatch(1);
              static final boolean READY;
              static {
                STARTED.countDown();
                try { Thread.sleep(300); } catch (InterruptedException e) { throw new IllegalStateException(e); }
                Main.PING.connect((s, sender, text) -> { });
                READY = true;
              }
              public static final class Provider implements signals.core.ReceiverProvider {
                public java.util.List<signals.core.SignalBinding<?>> receivers() {
                  if (!READY) throw new IllegalStateException("Shop not initialized");
                  return java.util.List.of();
                }
              }
            }
            """;

    private static final String BROKEN = """
            package com.example.app;
            import java.util.List;
            import signals.core.*;
            public final class Broken implements ReceiverProvider {
              public List<SignalBinding<?>> receivers() { throw new IllegalStateException("config missing"); }
            }
            """;

    private static final String EAGER = """
            package com.example.app;
            import java.util.List;
            import signals.core.*;
            public final class Eager implements ReceiverProvider {
              public List<SignalBinding<?>> receivers() { Main.PING.send("eager", "too soon"); return List.of(); }
            }
            """;

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(Path_.class)
    void providersRunExactlyOnceWhenTheFirstSendsRaceFromSeveralThreads(Path_ path) throws Exception {
        String output = run(path, Map.of("Receivers", RECEIVERS), "race");

        assertEquals("declared=1 replies=[1, 1, 1, 1, 1, 1, 1, 1]", output.strip());
    }

    @ParameterizedTest
    @EnumSource(Path_.class)
    void aProviderThatThrowsFailsTheFirstSendNamingItsClassAndModuleAndEveryLaterOne(Path_ path) throws Exception {
        String output = run(path, Map.of("Receivers", RECEIVERS, "Broken", BROKEN), "fail");

        String where = path == Path_.MODULE_PATH ? "(module com.example.app)" : "(class path)";
        List<String> lines = output.lines().toList();
        assertEquals("SignalException: ReceiverProvider com.example.app.Broken " + where
                + " threw java.lang.IllegalStateException: config missing", lines.get(0));
        assertTrue(lines.get(1).startsWith("SignalException: receiver discovery failed earlier"), lines.get(1));
        assertTrue(lines.get(1).contains("com.example.app.Broken"), lines.get(1));
        assertEquals("SignalException: receiver discovery failed earlier, so no signal can be used: "
                + "ReceiverProvider com.example.app.Broken " + where
                + " threw java.lang.IllegalStateException: config missing", lines.get(2),
                "nothing was half-connected, and asking says why");
    }

    @ParameterizedTest
    @EnumSource(Path_.class)
    void aStaticInitializerThatConnectsWhileAProviderNeedsItsClassDoesNotDeadlock(Path_ path) throws Exception {
        String output = run(path, Map.of("Receivers", RECEIVERS, "Shop", SHOP), "clinit"); // Shop's is Shop$Provider

        assertTrue(output.contains("shop ready: true"), output);
        assertTrue(output.contains("replies=2"), "the static initializer's receiver and the provider's: " + output);
    }

    @ParameterizedTest
    @EnumSource(Path_.class)
    void aProviderThatSendsWhileReceiversAreDiscoveredIsTold(Path_ path) throws Exception {
        String output = run(path, Map.of("Receivers", RECEIVERS, "Eager", EAGER), "fail");

        String first = output.lines().findFirst().orElseThrow();
        assertTrue(first.contains("com.example.app.Eager"), first);
        assertTrue(first.contains("signal 'ping' was sent while receivers were being discovered"), first);
    }

    /** Compiles the application with the given providers and runs {@code Main} in a new JVM. */
    private String run(Path_ path, Map<String, String> providers, String mode) throws IOException, InterruptedException {
        Map<String, String> files = new HashMap<>();
        files.put("com/example/app/Main.java", MAIN);
        files.put("com/example/app/Shop.java", SHOP); // Main names it; only the clinit test provides it
        providers.forEach((name, source) -> files.put("com/example/app/" + name + ".java", source));
        List<String> names = new ArrayList<>();
        providers.keySet().stream().sorted()
                .forEach(name -> names.add("com.example.app." + (name.equals("Shop") ? "Shop$Provider" : name)));
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        Path out;
        if (path == Path_.MODULE_PATH) {
            files.put("module-info.java", "module com.example.app {\n  requires signals.core;\n"
                    + "  provides signals.core.ReceiverProvider with " + String.join(", ", names).replace('$', '.') + ";\n}\n");
            out = Plugins.build(dir, files, "--module-path", Plugins.CLASSES.toString());
            command.addAll(List.of("--module-path", Plugins.CLASSES + File.pathSeparator + out,
                    "--module", "com.example.app/com.example.app.Main"));
        } else {
            files.put("META-INF/services/signals.core.ReceiverProvider", String.join("\n", names) + "\n");
            out = Plugins.build(dir, files, "-cp", Plugins.CLASSES.toString());
            command.addAll(List.of("-cp", Plugins.CLASSES + File.pathSeparator + out, "com.example.app.Main"));
        }
        command.add(mode);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the application did not finish");
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, process.exitValue(), output);
        return output;
    }
}
