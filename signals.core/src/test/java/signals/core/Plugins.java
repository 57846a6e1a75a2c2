package signals.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.ByteArrayOutputStream;
import java.io.UncheckedIOException;
import java.lang.module.Configuration;
import java.lang.module.ModuleFinder;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * Builds real plugins at test time: Java sources compiled with the JDK's compiler into a folder
 * that becomes a class-path loader or a module layer, the way applications load plugins.
 */
final class Plugins {

    /** The module's own classes and the test classes, as javac and child JVMs see them. */
    static final Path CLASSES = Path.of("target", "classes").toAbsolutePath();
    static final Path TEST_CLASSES = Path.of("target", "test-classes").toAbsolutePath();

    private Plugins() {
    }

    /**
     * Compiles sources (and copies resources) into a new folder.
     *
     * @param files relative path to content; {@code .java} files are compiled, others copied
     * @param options extra javac options
     */
    static Path build(Path root, Map<String, String> files, String... options) {
        try {
            Path src = Files.createDirectories(root.resolve("src"));
            Path out = Files.createDirectories(root.resolve("out"));
            List<String> args = new ArrayList<>(List.of("-d", out.toString(), "--release", "17", "-proc:none",
                    "-Xlint:none", "-implicit:none"));
            args.addAll(List.of(options));
            for (Map.Entry<String, String> file : files.entrySet()) {
                boolean source = file.getKey().endsWith(".java");
                Path path = (source ? src : out).resolve(file.getKey());
                Files.createDirectories(path.getParent());
                Files.writeString(path, file.getValue());
                if (source) {
                    args.add(path.toString());
                }
            }
            if (files.keySet().stream().noneMatch(name -> name.endsWith(".java"))) {
                return out;
            }
            JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
            ByteArrayOutputStream errors = new ByteArrayOutputStream();
            int status = javac.run(null, errors, errors, args.toArray(new String[0]));
            assertEquals(0, status, () -> "plugin did not compile:\n" + errors);
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Compiles sources that must not compile against the core; returns javac's messages. */
    static String compileErrors(Path root, Map<String, String> files) {
        try {
            Path src = Files.createDirectories(root.resolve("src"));
            Path out = Files.createDirectories(root.resolve("out"));
            List<String> args = new ArrayList<>(List.of("-d", out.toString(), "--release", "17", "-proc:none",
                    "-cp", CLASSES.toString()));
            for (Map.Entry<String, String> file : files.entrySet()) {
                Path path = src.resolve(file.getKey());
                Files.createDirectories(path.getParent());
                Files.writeString(path, file.getValue());
                args.add(path.toString());
            }
            ByteArrayOutputStream errors = new ByteArrayOutputStream();
            int status = ToolProvider.getSystemJavaCompiler().run(null, errors, errors, args.toArray(new String[0]));
            return status == 0 ? "" : errors.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Compiles a class-path plugin against the core and test classes. */
    static Path buildClassPath(Path root, Map<String, String> files) {
        return build(root, files, "-cp", CLASSES + java.io.File.pathSeparator + TEST_CLASSES);
    }

    /** A child loader over a plugin folder, as a container gives each application. */
    static URLClassLoader loader(Path out) {
        try {
            return new URLClassLoader("plugin", new URL[] {out.toUri().toURL()}, Signal.class.getClassLoader());
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A layer with the named module of a plugin folder, on top of the boot layer. */
    static ModuleLayer layer(Path out, String module) {
        ModuleLayer boot = ModuleLayer.boot();
        Configuration configuration = boot.configuration()
                .resolveAndBind(ModuleFinder.of(out), ModuleFinder.of(), Set.of(module));
        return boot.defineModulesWithOneLoader(configuration, ClassLoader.getSystemClassLoader());
    }

    /** Source of a provider class that answers {@link HostSignals#PLUGIN_PING} with a text. */
    static String pingProvider(String packageName, String className, String answer) {
        return """
                package %s;
                import java.util.List;
                import signals.core.*;
                public final class %s implements ReceiverProvider {
                    public List<SignalBinding<?>> receivers() {
                        return List.of(SignalBinding.responder(HostSignals.PLUGIN_PING, (s, sender, text) -> "%s " + text));
                    }
                }
                """.formatted(packageName, className, answer);
    }

    /** The folder a test's plugin lives in; a class name avoids clashes between tests. */
    static String servicesFile(String... providers) {
        return String.join("\n", providers) + "\n";
    }
}
