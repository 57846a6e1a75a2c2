package signals.core;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.lang.System.Logger.Level;
import java.lang.module.InvalidModuleDescriptorException;
import java.lang.module.ModuleDescriptor;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;
import signals.core.spi.SignalAdapter;

/**
 * Finds jars on the class path that provide a service of this library in their
 * {@code module-info} only. On the class path {@link java.util.ServiceLoader} reads
 * {@code META-INF/services} and nothing else, so such a provider is silently never run: every
 * send then reaches nobody. The descriptor is read as data ({@link ModuleDescriptor#read}); no
 * class of the jar is loaded.
 */
final class ClassPathCheck {

    private static final Set<String> SERVICES = Set.of(ReceiverProvider.class.getName(), SignalAdapter.class.getName());
    private static final String DESCRIPTOR = "module-info.class";

    private ClassPathCheck() {
    }

    /** Logs a warning for each provider that the class path hides; run after default discovery. */
    static void warnAboutHiddenProviders() {
        for (String warning : hiddenProviders(classPath())) {
            Log.CORE.log(Level.WARNING, warning);
        }
    }

    /** One message per jar or folder and service whose services file is missing or incomplete. */
    static List<String> hiddenProviders(List<Path> classPath) {
        List<String> warnings = new ArrayList<>();
        for (Path entry : classPath) {
            try {
                check(entry, warnings);
            } catch (IOException | InvalidModuleDescriptorException | SecurityException e) {
                // Not this library's jar to judge: the class loader reports what it cannot read.
            }
        }
        return warnings;
    }

    private static void check(Path entry, List<String> warnings) throws IOException {
        if (Files.isDirectory(entry)) {
            Path descriptor = entry.resolve(DESCRIPTOR);
            if (Files.isRegularFile(descriptor)) {
                try (InputStream in = Files.newInputStream(descriptor)) {
                    compare(entry, ModuleDescriptor.read(in), service -> {
                        Path file = entry.resolve("META-INF/services/" + service);
                        return Files.isRegularFile(file) ? Files.readString(file, StandardCharsets.UTF_8) : null;
                    }, warnings);
                }
            }
        } else if (Files.isRegularFile(entry) && entry.toString().endsWith(".jar")) {
            try (JarFile jar = new JarFile(entry.toFile())) {
                ZipEntry descriptor = jar.getEntry(DESCRIPTOR);
                if (descriptor != null) {
                    try (InputStream in = jar.getInputStream(descriptor)) {
                        compare(entry, ModuleDescriptor.read(in), service -> {
                            ZipEntry file = jar.getEntry("META-INF/services/" + service);
                            if (file == null) {
                                return null;
                            }
                            try (InputStream text = jar.getInputStream(file)) {
                                return new String(text.readAllBytes(), StandardCharsets.UTF_8);
                            }
                        }, warnings);
                    }
                }
            }
        }
    }

    private static void compare(Path entry, ModuleDescriptor module, ServicesFile files, List<String> warnings)
            throws IOException {
        for (ModuleDescriptor.Provides provides : module.provides()) {
            if (!SERVICES.contains(provides.service())) {
                continue;
            }
            String file = "META-INF/services/" + provides.service();
            String listed = files.read(provides.service());
            List<String> missing = new ArrayList<>(provides.providers());
            if (listed != null) {
                missing.removeAll(listedClasses(listed));
            }
            if (!missing.isEmpty()) {
                warnings.add(entry + " (module " + module.name() + ") provides " + provides.service() + " with "
                        + String.join(", ", missing) + " in its module-info, but "
                        + (listed == null ? "has no " + file : "its " + file + " does not list " + String.join(", ", missing))
                        + ": on the class path ServiceLoader reads only that file, so "
                        + (missing.size() == 1 ? "this provider was" : "these providers were")
                        + " not run; add the file to the jar, or put the jar on the module path");
            }
        }
    }

    /** The class names in a services file: one a line, {@code #} starts a comment. */
    private static List<String> listedClasses(String text) {
        List<String> names = new ArrayList<>();
        text.lines().forEach(line -> {
            int comment = line.indexOf('#');
            String name = (comment < 0 ? line : line.substring(0, comment)).strip();
            if (!name.isEmpty()) {
                names.add(name);
            }
        });
        return names;
    }

    private static List<Path> classPath() {
        List<Path> entries = new ArrayList<>();
        String path = System.getProperty("java.class.path", "");
        for (String entry : path.split(File.pathSeparator)) {
            if (!entry.isEmpty()) {
                entries.add(Path.of(entry));
            }
        }
        return entries;
    }

    /** Reads a services file of the jar or folder; null if there is none. */
    @FunctionalInterface
    private interface ServicesFile {
        String read(String service) throws IOException;
    }
}
