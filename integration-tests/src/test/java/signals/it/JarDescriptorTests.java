package signals.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Checks the built jars, not the sources: each jar's module descriptor against a checked-in
 * expected description, its {@code provides} against its {@code META-INF/services} files (what
 * class-path users see), and every package against the module's name.
 *
 * <p>The jars are found on the module path and the class path alike: {@code signals-spring} and the
 * relay's three jars are test dependencies that no module requires, so they stay on the class path
 * with Spring, jnats and the PostgreSQL driver, and {@code signals.it}'s module graph needs none of
 * them.
 */
class JarDescriptorTests {

    private static final Pattern JAR = Pattern.compile("signals-(core|jdbc|jpa|servlet|test|spring|relay-nats|relay-postgresql|relay)-[^" + Pattern.quote(File.separator) + "]*\\.jar");

    static Stream<Path> jars() {
        List<Path> jars = new ArrayList<>();
        for (String property : List.of("jdk.module.path", "java.class.path")) {
            for (String entry : System.getProperty(property, "").split(Pattern.quote(File.pathSeparator))) {
                Path path = Path.of(entry);
                if (JAR.matcher(path.getFileName() == null ? "" : path.getFileName().toString()).matches()
                        && !jars.contains(path)) {
                    jars.add(path);
                }
            }
        }
        assertEquals(9, jars.size(), () -> "expected the nine built jars (run 'mvn verify', which packages them"
                + " before this module's tests), found " + jars);
        return jars.stream();
    }

    @ParameterizedTest
    @MethodSource("jars")
    void theModuleDescriptorIsTheOneExpected(Path jar) throws IOException {
        ModuleDescriptor descriptor = descriptor(jar);
        String expectedFile = "/expected/" + descriptor.name() + ".txt";
        try (InputStream in = JarDescriptorTests.class.getResourceAsStream(expectedFile)) {
            assertTrue(in != null, "no " + expectedFile + "; the jar describes itself as:\n" + describe(descriptor));
            assertEquals(new String(in.readAllBytes(), StandardCharsets.UTF_8), describe(descriptor),
                    "the module descriptor of " + jar.getFileName() + " changed; if on purpose, update " + expectedFile);
        }
    }

    @ParameterizedTest
    @MethodSource("jars")
    void theModuleIsNamedAfterTheArtifactAndIsNotAutomatic(Path jar) throws IOException {
        ModuleDescriptor descriptor = descriptor(jar);
        Matcher artifact = JAR.matcher(jar.getFileName().toString());
        assertTrue(artifact.matches());

        assertEquals("signals." + artifact.group(1).replace('-', '.'), descriptor.name());
        assertFalse(descriptor.isAutomatic(), "a real module-info.class, not an Automatic-Module-Name");
        assertFalse(descriptor.isOpen());
        // Users never open anything to signals, and signals opens nothing to everyone: only
        // signals.spring opens its own package, to the Spring modules that call its package-private
        // bean methods, and the expected descriptor names those modules.
        for (ModuleDescriptor.Opens opens : descriptor.opens()) {
            assertTrue(opens.isQualified(), () -> descriptor.name() + " opens " + opens.source() + " to every module");
        }
    }

    @ParameterizedTest
    @MethodSource("jars")
    void everyPackageStartsWithTheModuleName(Path jar) throws IOException {
        ModuleDescriptor descriptor = descriptor(jar);

        for (String pkg : descriptor.packages()) {
            assertTrue(pkg.equals(descriptor.name()) || pkg.startsWith(descriptor.name() + "."),
                    () -> pkg + " in " + descriptor.name());
        }
        for (ModuleDescriptor.Exports export : descriptor.exports()) {
            assertFalse(export.source().contains(".internal"), () -> "exports " + export.source());
        }
    }

    @ParameterizedTest
    @MethodSource("jars")
    void everyProvidedServiceIsAlsoListedForTheClassPath(Path jar) throws IOException {
        Map<String, Set<String>> provided = new TreeMap<>();
        for (ModuleDescriptor.Provides provides : descriptor(jar).provides()) {
            provided.put(provides.service(), new TreeSet<>(provides.providers()));
        }

        assertEquals(provided, serviceFiles(jar), "module-info.java and META-INF/services disagree in " + jar.getFileName());
    }

    static ModuleDescriptor descriptor(Path jar) {
        return ModuleFinder.of(jar).findAll().stream().findFirst().map(ModuleReference::descriptor).orElseThrow();
    }

    private static Map<String, Set<String>> serviceFiles(Path jar) throws IOException {
        Map<String, Set<String>> services = new TreeMap<>();
        try (JarFile file = new JarFile(jar.toFile())) {
            for (JarEntry entry : file.stream().collect(Collectors.toList())) {
                String name = entry.getName();
                if (name.startsWith("META-INF/services/") && !entry.isDirectory()) {
                    String text = new String(file.getInputStream(entry).readAllBytes(), StandardCharsets.UTF_8);
                    services.put(name.substring("META-INF/services/".length()), Arrays.stream(text.split("\n"))
                            .map(line -> line.replaceAll("#.*", "").strip())
                            .filter(line -> !line.isEmpty())
                            .collect(Collectors.toCollection(TreeSet::new)));
                }
            }
        }
        return services;
    }

    /** A stable, sorted text form of a descriptor, as checked in under expected/. */
    private static String describe(ModuleDescriptor d) {
        List<String> lines = new ArrayList<>();
        lines.add("module " + d.name());
        d.requires().stream().filter(r -> !r.name().equals("java.base"))
                .map(r -> "requires " + r.modifiers().stream().map(m -> m.name().toLowerCase() + " ").sorted()
                        .collect(Collectors.joining()) + r.name())
                .sorted().forEach(lines::add);
        d.exports().stream().map(e -> "exports " + e.source() + (e.isQualified() ? " to " + new TreeSet<>(e.targets()) : ""))
                .sorted().forEach(lines::add);
        d.opens().stream().map(o -> "opens " + o.source() + (o.isQualified() ? " to " + new TreeSet<>(o.targets()) : ""))
                .sorted().forEach(lines::add);
        Set<String> exported = d.exports().stream().map(ModuleDescriptor.Exports::source).collect(Collectors.toSet());
        d.packages().stream().filter(p -> !exported.contains(p)).map(p -> "contains " + p).sorted().forEach(lines::add);
        d.uses().stream().map(u -> "uses " + u).sorted().forEach(lines::add);
        d.provides().stream().map(p -> "provides " + p.service() + " with " + new TreeSet<>(p.providers()))
                .sorted().forEach(lines::add);
        return String.join("\n", lines) + "\n";
    }
}
