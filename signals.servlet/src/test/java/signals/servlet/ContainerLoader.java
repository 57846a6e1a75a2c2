package signals.servlet;

import java.io.IOException;
import java.net.URL;
import java.util.Enumeration;
import org.eclipse.jetty.ee.webapp.WebAppClassLoader;
import org.eclipse.jetty.ee11.webapp.WebAppContext;

/**
 * What a servlet container's own class loader sees: everything the test sees (the JDK, the
 * Servlet API, Jetty) except this project's classes and service files. An application whose class
 * loader has this parent finds {@code signals.core} and {@code signals.servlet} only in its own
 * {@code WEB-INF/lib}, as in a container that does not have them in its shared library.
 */
final class ContainerLoader extends ClassLoader {

    private static final ClassLoader TEST = ContainerLoader.class.getClassLoader();

    ContainerLoader() {
        super("container", ClassLoader.getPlatformClassLoader());
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        return name.startsWith("signals.") ? super.loadClass(name, resolve) : TEST.loadClass(name);
    }

    @Override
    public URL getResource(String name) {
        return isOurs(name) ? super.getResource(name) : TEST.getResource(name);
    }

    @Override
    public Enumeration<URL> getResources(String name) throws IOException {
        return isOurs(name) ? super.getResources(name) : TEST.getResources(name);
    }

    private static boolean isOurs(String resource) {
        return resource.startsWith("signals/") || resource.startsWith("META-INF/services/signals.")
                || resource.equals("META-INF/services/jakarta.servlet.ServletContainerInitializer");
    }

    /**
     * Gives an application, before it starts, a class loader of its own whose parent is a
     * container's loader, as a container that deploys web archives does.
     */
    static void isolate(WebAppContext webapp) throws IOException {
        webapp.setClassLoader(new WebAppClassLoader(new ContainerLoader(), webapp));
    }
}
