package signals.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.spi.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12 item 7: a jar that provides a service of this library in its {@code module-info}
 * only, run on the class path, where {@link java.util.ServiceLoader} never sees the provider.
 * Each test builds a real jar with javac and the JDK's {@code jar} tool.
 */
class ClassPathCheckTests {

    private static final String RECEIVERS = """
            package com.example.lost;

            import java.util.List;
            import signals.core.ReceiverProvider;
            import signals.core.SignalBinding;

            public final class %s implements ReceiverProvider {
                @Override
                public List<SignalBinding<?>> receivers() {
                    return List.of(SignalBinding.responder(Main.PING, (signal, sender, text) -> "pong"));
                }
            }
            """;

    private static final String MAIN = """
            package com.example.lost;

            import signals.core.Signal;

            public final class Main {
                public static final Signal<String> PING = Signal.of("ping", String.class);

                public static void main(String[] args) {
                    System.out.println("replies=" + PING.send("main", "x").size());
                }
            }
            """;

    private static final String SERVICES = "META-INF/services/signals.core.ReceiverProvider";

    @TempDir
    Path dir;

    @Test
    void jarThatProvidesAReceiverProviderOnlyInItsModuleInfoIsNamedWithTheMissingFile() {
        Path jar = jar(null, "LostReceivers");

        List<String> warnings = ClassPathCheck.hiddenProviders(List.of(jar));

        assertEquals(1, warnings.size(), warnings.toString());
        assertEquals(jar + " (module com.example.lost) provides signals.core.ReceiverProvider with"
                + " com.example.lost.LostReceivers in its module-info, but has no " + SERVICES + ": on the class"
                + " path ServiceLoader reads only that file, so this provider was not run; add the file to the jar,"
                + " or put the jar on the module path", warnings.get(0));
    }

    @Test
    void jarWithTheServicesFileToo() {
        Path jar = jar("# found by ServiceLoader\ncom.example.lost.LostReceivers\n", "LostReceivers");

        assertEquals(List.of(), ClassPathCheck.hiddenProviders(List.of(jar)));
    }

    @Test
    void servicesFileThatMissesOneProviderNamesIt() {
        Path jar = jar("com.example.lost.FirstReceivers\n", "FirstReceivers", "SecondReceivers");

        List<String> warnings = ClassPathCheck.hiddenProviders(List.of(jar));

        assertEquals(1, warnings.size(), warnings.toString());
        assertTrue(warnings.get(0).contains("with com.example.lost.SecondReceivers in its module-info, but its "
                + SERVICES + " does not list com.example.lost.SecondReceivers"), warnings.get(0));
    }

    @Test
    void foldersPlainJarsAndMissingEntriesSayNothing() {
        Path folder = Plugins.build(dir.resolve("folder"), Map.of("com/example/plain/Plain.java",
                "package com.example.plain;\npublic final class Plain {\n}\n"));
        Path notAJar = dir.resolve("notes.jar");

        assertEquals(List.of(), ClassPathCheck.hiddenProviders(List.of(folder, notAJar, dir.resolve("gone.jar"))));
    }

    @Test
    void aFolderThatProvidesAReceiverProviderOnlyInItsModuleInfoIsNamedToo() {
        Path folder = folder(null, "LostReceivers");

        List<String> warnings = ClassPathCheck.hiddenProviders(List.of(folder));

        assertEquals(List.of(folder + " (module com.example.lost) provides signals.core.ReceiverProvider with"
                + " com.example.lost.LostReceivers in its module-info, but has no " + SERVICES + ": on the class"
                + " path ServiceLoader reads only that file, so this provider was not run; add the file to the jar,"
                + " or put the jar on the module path"), warnings);
    }

    @Test
    void aFolderWithTheServicesFileTooSaysNothing() {
        assertEquals(List.of(), ClassPathCheck.hiddenProviders(List.of(folder("com.example.lost.LostReceivers\n",
                "LostReceivers"))));
    }

    @Test
    void applicationOnTheClassPathIsWarnedAtDiscovery() throws Exception {
        Path jar = jar(null, "LostReceivers");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(java, "-cp", Plugins.CLASSES + File.pathSeparator + jar,
                "com.example.lost.Main").redirectErrorStream(true).start();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the application did not finish");
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertEquals(0, process.exitValue(), output);
        assertTrue(output.contains("replies=0"), output);
        assertTrue(output.contains("WARNING: " + jar + " (module com.example.lost) provides signals.core.ReceiverProvider"
                + " with com.example.lost.LostReceivers in its module-info, but has no " + SERVICES), output);
    }

    /** A modular jar that provides the given ReceiverProviders, with this services file or none. */
    private Path jar(String servicesFile, String... providers) {
        Path classes = folder(servicesFile, providers);
        Path jar = dir.resolve("lost.jar");
        ToolProvider tool = ToolProvider.findFirst("jar").orElseThrow();
        assertEquals(0, tool.run(System.out, System.err, "--create", "--file", jar.toString(), "-C", classes.toString(), "."));
        assertTrue(Files.isRegularFile(jar));
        return jar;
    }

    /** The application's classes as a folder on the class path, as an IDE or exploded build puts them. */
    private Path folder(String servicesFile, String... providers) {
        Map<String, String> files = new HashMap<>();
        files.put("com/example/lost/Main.java", MAIN);
        for (String provider : providers) {
            files.put("com/example/lost/" + provider + ".java", RECEIVERS.formatted(provider));
        }
        files.put("module-info.java", """
                module com.example.lost {
                    requires signals.core;
                    provides signals.core.ReceiverProvider with %s;
                }
                """.formatted(String.join(", ", List.of(providers).stream().map(p -> "com.example.lost." + p).toList())));
        if (servicesFile != null) {
            files.put(SERVICES, servicesFile);
        }
        return Plugins.build(dir.resolve("build"), files, "--module-path", Plugins.CLASSES.toString());
    }
}
