package signals.servlet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.ref.WeakReference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import signals.core.ReceiverProvider;
import signals.servlet.WebServer.Vendor;
import signals.servlet.app.AppReceivers;

/**
 * An application that carries signals.core, signals.servlet and signals.jdbc in its
 * {@code WEB-INF/lib}, redeployed in Jetty and in Tomcat the way their deployers do it: the old
 * copy is stopped and removed, the new one started. Each request is heard once, by the new copy's
 * receivers, and the old copy's class loader can be collected.
 */
class RedeployInEachContainerTests {

    @TempDir
    Path temp;

    @ParameterizedTest(name = "{0}")
    @EnumSource(Vendor.class)
    void anApplicationRedeployedWithTheLibraryInWebInfLibDoesNotKeepItsOldClassLoader(Vendor vendor) throws Exception {
        BlockingQueue<String> events = new LinkedBlockingQueue<>();
        Map<String, Object> attributes = Map.of(AppReceivers.EVENTS, events);
        Path folder = application();
        try (WebServer server = vendor.start(); LeakReports leaks = new LeakReports()) {
            server.deploy(folder, true, attributes);
            assertEachRequestHeardOnce(server, events);

            WeakReference<ClassLoader> old = server.undeploy();
            server.deploy(folder, true, attributes);
            assertNotSame(old.get(), server.context().getClassLoader());
            // Once each: the old copy's receivers did not survive it.
            assertEachRequestHeardOnce(server, events);

            ApplicationLifecycleTests.assertCollected(old);
            assertTrue(events.isEmpty(), "nothing more than one pair per request: " + events);
            // Tomcat checks a stopped application for threads, ThreadLocals and JDBC drivers it left behind.
            assertEquals(List.of(), leaks.reports());
        }
    }

    /** A request to the application's servlet, and one that registers its jdbc:signals: driver with DriverManager. */
    private static void assertEachRequestHeardOnce(WebServer server, BlockingQueue<String> events) throws Exception {
        assertEquals("hello", server.get("/app/hello", "hello").body());
        assertEquals(List.of("started /app/hello", "finished /app/hello"), ApplicationLifecycleTests.take(events, 2));
        assertEquals("true", server.get("/app/driver", "driver").body());
        assertEquals(List.of("started /app/driver", "finished /app/driver"), ApplicationLifecycleTests.take(events, 2));
    }

    /**
     * Lays out the test application {@code lib}: its {@code web.xml}, and in {@code WEB-INF/lib}
     * the application's jar (servlet and receivers) and the jars of signals.core, signals.servlet
     * and signals.jdbc.
     */
    private Path application() throws IOException {
        Path folder = temp.resolve("redeployed");
        Path lib = folder.resolve("WEB-INF/lib");
        Files.createDirectories(lib);
        Files.copy(Path.of("src/test/webapps/lib/WEB-INF/web.xml"), folder.resolve("WEB-INF/web.xml"));
        Jars.pack(Path.of("target/test-classes"), lib.resolve("app.jar"), List.of("signals/servlet/app/"),
                Map.of("META-INF/services/" + ReceiverProvider.class.getName(), AppReceivers.class.getName() + "\n"));
        Jars.library(Jars.origin("signals.core.Signal"), lib.resolve("signals-core.jar"));
        Jars.library(Path.of("target/classes"), lib.resolve("signals-servlet.jar"));
        Jars.library(Jars.origin("signals.jdbc.SignalsDriver"), lib.resolve("signals-jdbc.jar"));
        return folder;
    }

    /** What Tomcat's web application class loader warns about when it stops: what the application left behind. */
    private static final class LeakReports extends Handler implements AutoCloseable {

        private final Logger logger = Logger.getLogger("org.apache.catalina.loader");
        private final List<String> reports = new ArrayList<>();

        LeakReports() {
            setLevel(Level.WARNING);
            logger.addHandler(this);
        }

        List<String> reports() {
            synchronized (reports) {
                return List.copyOf(reports);
            }
        }

        @Override
        public void publish(LogRecord record) {
            if (isLoggable(record)) {
                synchronized (reports) {
                    reports.add(record.getMessage());
                }
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
            logger.removeHandler(this);
        }
    }
}
