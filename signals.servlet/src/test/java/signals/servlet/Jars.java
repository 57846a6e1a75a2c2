package signals.servlet;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/**
 * Builds the jars of a test web application's {@code WEB-INF/lib} from compiled classes, as a
 * container would find them: the module jars do not exist yet when tests run.
 */
final class Jars {

    private Jars() {
    }

    /** The folder or jar a class was loaded from, found by the class file's own URL. */
    static Path origin(String className) throws IOException {
        String resource = className.replace('.', '/') + ".class";
        URL url = ClassLoader.getSystemResource(resource);
        if (url == null) {
            throw new IOException("no " + resource + " on the test's class or module path");
        }
        try {
            if (url.getProtocol().equals("jar")) {
                String file = url.getPath();
                return Path.of(URI.create(file.substring(0, file.indexOf("!/"))));
            }
            Path path = Path.of(url.toURI());
            for (int i = 0; i < className.split("\\.").length; i++) {
                path = path.getParent();
            }
            return path;
        } catch (URISyntaxException e) {
            throw new IOException(e);
        }
    }

    /** Copies a jar, or packs a folder of classes, into {@code jar}. */
    static void library(Path origin, Path jar) throws IOException {
        if (Files.isRegularFile(origin)) {
            Files.copy(origin, jar);
        } else {
            pack(origin, jar, List.of(""), Map.of());
        }
    }

    /**
     * Packs the files under {@code root} whose relative paths start with one of {@code prefixes},
     * plus extra text files, into {@code jar}.
     */
    static void pack(Path root, Path jar, List<String> prefixes, Map<String, String> extra) throws IOException {
        Files.createDirectories(jar.getParent());
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file);
             Stream<Path> files = Files.walk(root)) {
            for (Path path : (Iterable<Path>) files.filter(Files::isRegularFile).sorted()::iterator) {
                String name = root.relativize(path).toString().replace('\\', '/');
                if (prefixes.stream().anyMatch(name::startsWith)) {
                    out.putNextEntry(new JarEntry(name));
                    Files.copy(path, out);
                    out.closeEntry();
                }
            }
            for (Map.Entry<String, String> entry : extra.entrySet()) {
                out.putNextEntry(new JarEntry(entry.getKey()));
                out.write(entry.getValue().getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        }
    }
}
