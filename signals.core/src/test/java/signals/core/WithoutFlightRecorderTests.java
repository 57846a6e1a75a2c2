package signals.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import signals.core.StartupDiscoveryTests.Path_;

/**
 * Issue 18: {@code signals.core} only {@code requires static jdk.jfr}. An application on a runtime
 * without that module (here {@code --limit-modules java.base}, as a {@code jlink} image with only
 * {@code java.base} would be) sends as before; one started with {@code -XX:StartFlightRecording}
 * records from its first send. Each runs in a JVM of its own, on the module path and the class path.
 */
class WithoutFlightRecorderTests {

    private static final String MAIN = """
            package com.example.app;

            import signals.core.Signal;

            public final class Main {
              public static void main(String[] args) throws Exception {
                Signal<String> placed = Signal.of("order_placed", String.class);
                placed.connect((signal, sender, order) -> Thread.sleep(30), signals.core.ConnectOption.name("slow.kitchen"));
                placed.connect((signal, sender, order) -> System.out.println("received " + order));
                placed.fire("checkout", "margherita");
                System.out.println("replies " + placed.send("checkout", "calzone").size());
                System.out.println("jdk.jfr present: " + ModuleLayer.boot().findModule("jdk.jfr").isPresent());
              }
            }
            """;

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(Path_.class)
    void sendsWorkOnARuntimeWithoutTheFlightRecorderModule(Path_ path) throws Exception {
        String output = run(path, List.of("--limit-modules",
                path == Path_.MODULE_PATH ? "java.base,signals.core,com.example.app" : "java.base"));

        assertEquals(List.of("received margherita", "received calzone", "replies 2", "jdk.jfr present: false"),
                output.lines().toList());
    }

    @ParameterizedTest
    @EnumSource(Path_.class)
    void aRecordingStartedWithTheJvmRecordsTheFirstSend(Path_ path) throws Exception {
        Path file = dir.resolve("startup.jfr");
        List<String> options = new ArrayList<>();
        if (path == Path_.MODULE_PATH) {
            options.addAll(List.of("--add-modules", "jdk.jfr")); // requires static resolves it only when asked
        }
        // JDK 17 wants the "+" for an event that the .jfc (default.jfc here) does not list.
        options.add("-XX:StartFlightRecording:filename=" + file + ",+signals.Send#enabled=true,+signals.Receiver#enabled=true");
        String output = run(path, options);

        assertTrue(output.contains("jdk.jfr present: true"), output);
        List<RecordedEvent> events = RecordingFile.readAllEvents(file);
        List<String> sends = events.stream().filter(e -> e.getEventType().getName().equals("signals.Send"))
                .map(e -> e.getString("signal") + " from " + e.getString("sender") + " to " + e.getInt("receivers")).toList();
        assertEquals(List.of("order_placed from checkout to 2", "order_placed from checkout to 2"), sends,
                "each send sleeps 30 ms, over the default threshold of 10 ms");
        assertEquals(2, events.stream().filter(e -> e.getEventType().getName().equals("signals.Receiver"))
                .filter(e -> e.getString("receiver").equals("'slow.kitchen' (lambda in com.example.app.Main)")).count());
    }

    private String run(Path_ path, List<String> options) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(options);
        Path out;
        if (path == Path_.MODULE_PATH) {
            out = Plugins.build(dir, Map.of("com/example/app/Main.java", MAIN,
                    "module-info.java", "module com.example.app {\n  requires signals.core;\n}\n"),
                    "--module-path", Plugins.CLASSES.toString());
            command.addAll(List.of("--module-path", Plugins.CLASSES + File.pathSeparator + out,
                    "--module", "com.example.app/com.example.app.Main"));
        } else {
            out = Plugins.build(dir, Map.of("com/example/app/Main.java", MAIN), "-cp", Plugins.CLASSES.toString());
            command.addAll(List.of("-cp", Plugins.CLASSES + File.pathSeparator + out, "com.example.app.Main"));
        }
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the application did not finish");
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, process.exitValue(), output);
        return output.lines().filter(line -> !line.startsWith("[")).collect(java.util.stream.Collectors.joining("\n"));
    }
}
