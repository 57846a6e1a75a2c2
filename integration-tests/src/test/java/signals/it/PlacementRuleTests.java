package signals.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.lang.module.ModuleDescriptor;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.spi.ToolProvider;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The placement rule of every module, checked on the built jars with the JDK's {@code jdeps}:
 * public in {@code signals.x} is API, package-private is implementation, and
 * {@code signals.x.internal} holds only classes that must be public without being API. In an
 * adapter module that is the service providers (with package-private helpers of their own beside
 * them), which depend on the API package and never the other way round; in {@code signals.core}
 * it is the bridge that both exported packages use.
 */
class PlacementRuleTests {

    /**
     * The doors, each named in its package-info, with the packages that must need it: a public
     * class in a non-exported package through which an exported package reaches machinery it may
     * not otherwise see, on the JDK's SharedSecrets pattern.
     */
    private static final Map<String, Set<String>> DOORS = Map.of(
            // signals.core.spi reaches the core's package-private machinery
            "signals.core.internal.SpiBridge", Set.of("signals.core", "signals.core.spi"),
            // ModelSignals.association checks names against what the integrator saw at boot
            "signals.jpa.internal.Associations", Set.of("signals.jpa"));

    private static final Pattern EDGE = Pattern.compile("^\\s+(\\S+)\\s+->\\s+(\\S+)\\s+.*$");

    @TempDir
    Path dir;

    @ParameterizedTest
    @MethodSource("signals.it.JarDescriptorTests#jars")
    void everyInternalClassMustBePublicAndIsUsedWhereItMustBe(Path jar) throws IOException {
        ModuleDescriptor module = JarDescriptorTests.descriptor(jar);
        String internal = module.name() + ".internal";
        List<String[]> edges = dependencies(jar);
        Set<String> providers = new TreeSet<>();
        module.provides().forEach(p -> providers.addAll(p.providers()));

        for (String type : classesOf(jar, internal)) {
            Set<String> users = new TreeSet<>();
            for (String[] edge : edges) {
                if (edge[1].equals(type) && !packageOf(edge[0]).equals(internal)) {
                    users.add(packageOf(edge[0]));
                }
            }
            String door = doorOf(type);
            if (type.equals(door)) {
                assertEquals(DOORS.get(door), users,
                        type + " is a door, which exactly the packages it is named for must need");
            } else if (door != null) {
                assertTrue(DOORS.get(door).containsAll(users),
                        () -> type + " belongs to the door " + door + ", which only " + DOORS.get(door) + " may use, but " + users + " do");
            } else if (isPublic(dir.resolve(jar.getFileName().toString()), type)) {
                assertTrue(providers.contains(type), type + " is public in " + internal + " but provides no service");
            }
        }
        for (String[] edge : edges) {
            assertTrue(!packageOf(edge[0]).equals(module.name()) || !packageOf(edge[1]).equals(internal)
                            || isDoor(edge[1]),
                    () -> "the API package uses its internal package, a cycle: " + edge[0] + " -> " + edge[1]);
        }
    }

    /** Whether a class is one of the {@link #DOORS} or nested in one. */
    private static boolean isDoor(String type) {
        return doorOf(type) != null;
    }

    private static String doorOf(String type) {
        for (String door : DOORS.keySet()) {
            if (type.equals(door) || type.startsWith(door + "$")) {
                return door;
            }
        }
        return null;
    }

    /** Class-to-class edges inside the jar, from jdeps run on its classes (without its descriptor). */
    private List<String[]> dependencies(Path jar) throws IOException {
        Path classes = Files.createDirectories(dir.resolve(jar.getFileName().toString()));
        if (classesOf(jar, null).isEmpty()) {
            return List.of(); // a module that holds nothing yet but its descriptor
        }
        try (JarFile file = new JarFile(jar.toFile())) {
            for (JarEntry entry : file.stream().toList()) {
                if (entry.getName().endsWith(".class") && !entry.getName().endsWith("module-info.class")) {
                    Path target = classes.resolve(entry.getName());
                    Files.createDirectories(target.getParent());
                    try (InputStream in = file.getInputStream(entry)) {
                        Files.copy(in, target);
                    }
                }
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ToolProvider jdeps = ToolProvider.findFirst("jdeps").orElseThrow();
        int status = jdeps.run(new PrintStream(out, true, StandardCharsets.UTF_8), System.err,
                "-verbose:class", "-filter:none", classes.toString());
        assertEquals(0, status, out::toString);
        List<String[]> edges = new ArrayList<>();
        for (String line : out.toString(StandardCharsets.UTF_8).lines().toList()) {
            Matcher edge = EDGE.matcher(line);
            if (edge.matches()) {
                edges.add(new String[] {edge.group(1), edge.group(2)});
            }
        }
        assertTrue(!edges.isEmpty(), "jdeps printed no dependencies");
        return edges;
    }

    /** Whether a class extracted by {@link #dependencies} is public, as javap declares it. */
    private static boolean isPublic(Path classes, String type) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ToolProvider javap = ToolProvider.findFirst("javap").orElseThrow();
        Path file = classes.resolve(type.replace('.', '/') + ".class");
        int status = javap.run(new PrintStream(out, true, StandardCharsets.UTF_8), System.err, file.toString());
        assertEquals(0, status, out::toString);
        String declaration = out.toString(StandardCharsets.UTF_8).lines()
                .filter(line -> line.contains(" " + type) && !line.startsWith("Compiled from"))
                .findFirst().orElseThrow(() -> new AssertionError("javap did not declare " + type + ": " + out));
        return declaration.startsWith("public ");
    }

    /** The classes of a package in the jar; of every package for null. */
    private static List<String> classesOf(Path jar, String pkg) throws IOException {
        List<String> names = new ArrayList<>();
        try (JarFile file = new JarFile(jar.toFile())) {
            for (JarEntry entry : file.stream().toList()) {
                String name = entry.getName();
                String type = name.replace('/', '.').replaceAll("\\.class$", "");
                boolean code = name.endsWith(".class") && !type.equals("module-info") && !type.endsWith("package-info");
                if (code && (pkg == null || packageOf(type).equals(pkg))) {
                    names.add(type);
                }
            }
        }
        return names;
    }

    private static String packageOf(String type) {
        int dot = type.lastIndexOf('.');
        return dot < 0 ? "" : type.substring(0, dot);
    }
}
