package signals.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.commons.support.AnnotationSupport;
import org.opentest4j.AssertionFailedError;
import signals.core.Signal;

/**
 * signals.servlet is optional: a fresh JVM without it, on the module path and on the class path,
 * loads and initialises every class of signals.test but RenderedViews, overrides a setting,
 * records, mutes, creates the extensions, and gets a clear error from RenderedViews.capture().
 */
class WithoutServletTests {

    @TempDir
    Path work;

    @Test
    void everythingButRenderedViewsWorksOnTheModulePathWithoutSignalsServlet() throws Exception {
        String output = check("--module-path", path(), "--add-modules", "signals.test");

        assertTrue(output.endsWith("ok"), output);
        assertTrue(output.contains("RenderedViews needs signals.servlet, which is not in the module graph"), output);
    }

    @Test
    void everythingButRenderedViewsWorksOnTheClassPathWithoutSignalsServlet() throws Exception {
        String output = check("--class-path", path());

        assertTrue(output.endsWith("ok"), output);
        assertTrue(output.contains("RenderedViews needs signals.servlet, which is not on the class path"), output);
    }

    private String check(String... pathOptions) throws Exception {
        Path source = work.resolve("Check.java");
        Files.writeString(source, CHECK);
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of(pathOptions));
        command.add(source.toString());
        command.addAll(classesOfThisModule());
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output;
        try (var in = process.getInputStream()) {
            output = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        }
        assertTrue(process.waitFor(2, TimeUnit.MINUTES), "the check did not end");
        assertEquals(0, process.exitValue(), output);
        return output;
    }

    // The module's own classes, and the modules it requires, none of them signals.servlet.
    private static String path() throws URISyntaxException {
        return Stream.of(Path.of("target/classes").toAbsolutePath(), location(Signal.class), location(ExtensionContext.class),
                        location(AnnotationSupport.class), location(AssertionFailedError.class))
                .map(Path::toString).collect(Collectors.joining(File.pathSeparator));
    }

    private static Path location(Class<?> type) throws URISyntaxException {
        return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    }

    private static List<String> classesOfThisModule() throws IOException {
        Path classes = Path.of("target/classes");
        try (Stream<Path> files = Files.walk(classes)) {
            return files.map(classes::relativize).map(Path::toString)
                    .filter(name -> name.endsWith(".class") && !name.equals("module-info.class"))
                    .map(name -> name.substring(0, name.length() - ".class".length()).replace(File.separatorChar, '.'))
                    .filter(name -> !name.equals(RenderedViews.class.getName()))
                    .sorted().collect(Collectors.toList());
        }
    }

    private static final String CHECK = """
            import signals.core.Signal;
            import signals.test.*;

            public class Check {
                public static void main(String[] classes) throws Exception {
                    if (Check.class.getClassLoader().getResource("signals/servlet/RequestSignals.class") != null
                            || ModuleLayer.boot().findModule("signals.servlet").isPresent()) {
                        throw new AssertionError("signals.servlet is present");
                    }
                    for (String name : classes) {
                        Class.forName(name, true, Settings.class.getClassLoader());
                    }
                    try (OverriddenSettings override = Settings.override("check.setting", "on")) {
                        if (!"on".equals(System.getProperty("check.setting"))) {
                            throw new AssertionError("not overridden");
                        }
                    }
                    Signal<String> checked = Signal.of("checked", String.class);
                    try (SignalRecorder recorder = SignalRecorder.everywhere(checked);
                         MutedSignals muted = MutedSignals.inThisThreadAndChildren(checked)) {
                        checked.fire(null, "sent");
                        if (!recorder.assertSentOnce(checked).muted()) {
                            throw new AssertionError("not muted");
                        }
                    }
                    new OverrideExtension();
                    new MuteExtension();
                    new RecordingExtension();
                    try {
                        RenderedViews.capture();
                        throw new AssertionError("RenderedViews worked without signals.servlet");
                    } catch (IllegalStateException expected) {
                        System.out.println(expected.getMessage());
                    }
                    System.out.println("ok");
                }
            }
            """;
}
