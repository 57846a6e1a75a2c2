package signals.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.lang.module.ModuleDescriptor;
import java.lang.reflect.Member;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every public signature of each built jar's exported packages, compared with a checked-in list
 * under {@code api/}: any change to the API is a diff in review. A module without a list yet is
 * reported as skipped, and its current signatures are written to {@code target/api/} to check in.
 */
class ApiSignatureTests {

    @ParameterizedTest
    @MethodSource("signals.it.JarDescriptorTests#jars")
    void thePublicSignaturesAreTheCheckedInOnes(Path jar) throws Exception {
        ModuleDescriptor module = JarDescriptorTests.descriptor(jar);
        String actual = signatures(jar, module);
        String listFile = "/api/" + module.name() + ".txt";
        try (InputStream in = ApiSignatureTests.class.getResourceAsStream(listFile)) {
            if (in == null) {
                Path written = Files.createDirectories(Path.of("target", "api")).resolve(module.name() + ".txt");
                Files.writeString(written, actual);
                Assumptions.abort("no " + listFile + " yet; the current signatures are in " + written.toAbsolutePath());
            }
            assertEquals(new String(in.readAllBytes(), StandardCharsets.UTF_8), actual,
                    "the public API of " + module.name() + " changed; if on purpose, update src/test/resources" + listFile);
        }
    }

    private static String signatures(Path jar, ModuleDescriptor module) throws IOException, ClassNotFoundException {
        Set<String> exported = module.exports().stream().filter(e -> !e.isQualified())
                .map(ModuleDescriptor.Exports::source).collect(Collectors.toSet());
        List<String> lines = new ArrayList<>();
        for (String name : classNames(jar)) {
            Class<?> type = Class.forName(name, false, ApiSignatureTests.class.getClassLoader());
            if (exported.contains(type.getPackageName()) && isApi(type)) {
                describe(type, lines);
            }
        }
        return String.join("\n", lines) + "\n";
    }

    private static boolean isApi(Class<?> type) {
        for (Class<?> t = type; t != null; t = t.getEnclosingClass()) {
            if (!Modifier.isPublic(t.getModifiers()) || t.isAnonymousClass() || t.isLocalClass() || t.isSynthetic()) {
                return false;
            }
        }
        return true;
    }

    private static void describe(Class<?> type, List<String> lines) {
        // JDK 17's toGenericString leaves sealed and non-sealed out, later JDKs name them: the
        // same list on every JDK says them once, as what a sealed type permits.
        StringBuilder head = new StringBuilder(type.toGenericString().replaceAll("\\b(non-)?sealed ", ""));
        Type superclass = type.getGenericSuperclass();
        if (superclass != null && superclass != Object.class && superclass != Record.class && !type.isEnum()) {
            head.append(" extends ").append(superclass.getTypeName());
        }
        Type[] interfaces = type.getGenericInterfaces();
        if (interfaces.length > 0 && !type.isAnnotation()) {
            head.append(type.isInterface() ? " extends " : " implements ").append(List.of(interfaces).stream()
                    .map(Type::getTypeName).collect(Collectors.joining(", ")));
        }
        if (type.isSealed()) {
            head.append(" permits ").append(Stream.of(type.getPermittedSubclasses())
                    .map(Class::getName).sorted().collect(Collectors.joining(", ")));
        }
        lines.add(head.toString());
        Set<String> members = new TreeSet<>();
        List<Member> all = new ArrayList<>();
        all.addAll(List.of(type.getDeclaredConstructors()));
        all.addAll(List.of(type.getDeclaredMethods()));
        all.addAll(List.of(type.getDeclaredFields()));
        for (Member member : all) {
            boolean visible = Modifier.isPublic(member.getModifiers())
                    || (Modifier.isProtected(member.getModifiers()) && !Modifier.isFinal(type.getModifiers()));
            boolean bridge = member instanceof Method && ((Method) member).isBridge();
            if (visible && !member.isSynthetic() && !bridge) {
                members.add("  " + member.getClass().getSimpleName().toLowerCase() + " " + generic(member));
            }
        }
        lines.addAll(members);
    }

    private static String generic(Member member) {
        if (member instanceof Method) {
            return ((Method) member).toGenericString();
        }
        if (member instanceof java.lang.reflect.Constructor) {
            return ((java.lang.reflect.Constructor<?>) member).toGenericString();
        }
        return ((java.lang.reflect.Field) member).toGenericString();
    }

    private static List<String> classNames(Path jar) throws IOException {
        List<String> names = new ArrayList<>();
        try (JarFile file = new JarFile(jar.toFile())) {
            for (JarEntry entry : file.stream().toList()) {
                String name = entry.getName();
                if (name.endsWith(".class") && !name.endsWith("module-info.class")) {
                    names.add(name.substring(0, name.length() - ".class".length()).replace('/', '.'));
                }
            }
        }
        names.sort(null);
        return names;
    }
}
