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
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.eclipse.jetty.ee11.webapp.WebAppContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import signals.core.ReceiverProvider;
import signals.servlet.app.AppReceivers;

/**
 * Web applications deployed from folders, with their receivers (and, in some tests, this library
 * itself) in jars in {@code WEB-INF/lib}, loaded by the container's class loader for the
 * application as any container does: their receivers are connected at start, disconnected at
 * stop, and a stopped application's class loader can be collected.
 */
class ApplicationLifecycleTests {

    @TempDir
    Path temp;

    @Test
    void theReceiversOfAnApplicationAreConnectedWhenItStartsAndDisconnectedWhenItStops() throws Exception {
        BlockingQueue<String> events = new LinkedBlockingQueue<>();
        try (Container container = Container.serve(application("shared", false), withEvents(events))) {
            assertTrue(connectedFromApplication(), "the application's provider was run at start");

            assertEquals("hello", container.get("/app/hello").body());
            assertEquals(List.of("started /app/hello", "finished /app/hello"), take(events, 2));
        }
        assertTrue(!connectedFromApplication(), "the application's receivers are gone after it stopped");
    }

    @Test
    void theClassLoaderOfAStoppedApplicationCanBeCollected() throws Exception {
        WeakReference<ClassLoader> loader = runAndStop(application("collectable", false));

        assertCollected(loader);
    }

    private WeakReference<ClassLoader> runAndStop(Path folder) throws Exception {
        BlockingQueue<String> events = new LinkedBlockingQueue<>();
        try (Container container = Container.serve(folder, withEvents(events))) {
            container.get("/app/hello");
            assertEquals(2, take(events, 2).size());
            return new WeakReference<>(container.webapp().getClassLoader());
        }
    }

    @Test
    void applicationsThatShareTheLibraryHearOnlyTheirOwnRequests() throws Exception {
        BlockingQueue<String> first = new LinkedBlockingQueue<>();
        BlockingQueue<String> second = new LinkedBlockingQueue<>();
        Container container = Container.empty();
        container.add("/first", application("first", false), withEvents(first));
        container.add("/second", application("second", false), withEvents(second));
        try (Container started = container.start()) {
            started.get("/first/hello");
            started.get("/second/hello");
            started.get("/first/hello");

            assertEquals(List.of("started /first/hello", "finished /first/hello",
                    "started /first/hello", "finished /first/hello"), take(first, 4));
            assertEquals(List.of("started /second/hello", "finished /second/hello"), take(second, 2));
        }
    }

    @Test
    void anApplicationCarryingTheLibraryInWebInfLibIsRedeployedWithoutKeepingItsOldClassLoader() throws Exception {
        BlockingQueue<String> events = new LinkedBlockingQueue<>();
        Path folder = application("redeployed", true);
        Container container = Container.empty();
        ContainerLoader.isolate(container.add("/app", folder, withEvents(events)));
        try (Container started = container.start()) {
            WeakReference<ClassLoader> before = deployedOnce(started, events);

            // Redeploy as a container's deployer does: stop and drop the old context, start a new one.
            WebAppContext old = started.webapp();
            old.stop();
            started.remove(old);
            WebAppContext again = started.add("/app", folder, withEvents(events));
            ContainerLoader.isolate(again);
            again.start();
            assertNotSame(before.get(), again.getClassLoader());

            assertEquals("hello", started.get("/app/hello").body());
            // Once each: the old copy's receivers did not survive the redeployment.
            assertEquals(List.of("started /app/hello", "finished /app/hello"), take(events, 2));
            assertEquals(List.of("started /app/driver", "finished /app/driver"), driver(started, events));
            old = null;
            assertCollected(before);
            assertTrue(events.isEmpty(), "nothing more than one pair per request: " + events);
        }
    }

    private static WeakReference<ClassLoader> deployedOnce(Container container, BlockingQueue<String> events)
            throws Exception {
        assertEquals("hello", container.get("/app/hello").body());
        assertEquals(List.of("started /app/hello", "finished /app/hello"), take(events, 2));
        // The application's own jdbc:signals: driver registers with DriverManager, which would keep its loader.
        assertEquals(List.of("started /app/driver", "finished /app/driver"), driver(container, events));
        return new WeakReference<>(container.webapp().getClassLoader());
    }

    private static List<String> driver(Container container, BlockingQueue<String> events) throws Exception {
        assertEquals("true", container.get("/app/driver").body());
        return take(events, 2);
    }

    // Issue 23, item 9: the application carries signals-core and signals-servlet in WEB-INF/lib,
    // and the server's class path has its own copy with an adapter (here signals-jdbc's).
    @Test
    void anApplicationWithItsOwnCopyOfTheLibraryStartsUnderAServerWhoseClassPathHasAnotherWithAnAdapter()
            throws Exception {
        Path folder = application("own-copy", false);
        Path lib = folder.resolve("WEB-INF/lib");
        Jars.library(Jars.origin("signals.core.Signal"), lib.resolve("signals-core.jar"));
        Jars.library(Path.of("target/classes"), lib.resolve("signals-servlet.jar"));
        BlockingQueue<String> events = new LinkedBlockingQueue<>();
        List<String> skipped;
        ClassLoader application;
        try (CoreLog log = new CoreLog(); Container container = Container.serve(folder, withEvents(events))) {
            application = container.webapp().getClassLoader();
            assertNotSame(RequestSignals.class, application.loadClass(RequestSignals.class.getName()),
                    "the application runs its own copy");

            assertEquals("hello", container.get("/app/hello").body());
            assertEquals(List.of("started /app/hello", "finished /app/hello"), take(events, 2));
            skipped = log.messages().stream().filter(message -> message.startsWith("Skipped")).toList();
        }
        assertEquals(1, skipped.size(), "one warning, though the application ran two discovery rounds: " + skipped);
        String warning = skipped.get(0);
        // On the class path the application's loader offers the server's signals-jdbc adapter. On
        // the module path Surefire lets the patched signals.servlet module read every unnamed
        // module, so ServiceLoader offers the server's signals.servlet module's adapter instead.
        assertTrue(warning.startsWith(RequestSignals.class.getModule().isNamed()
                ? "Skipped SignalAdapter signals.servlet.internal.ServletAdapter (module signals.servlet)"
                : "Skipped SignalAdapter signals.jdbc.internal.JdbcAdapter (class path)"), warning);
        String server = String.valueOf(RequestSignals.class.getClassLoader());
        int theirs = warning.indexOf(server);
        assertTrue(theirs > 0 && theirs < warning.indexOf("not this copy's, loaded by " + application), warning);
    }

    @Test
    void aReceiverProviderThatFailsStopsTheApplicationFromStartingAndIsNamed() throws Exception {
        Path folder = application("broken", false, "signals.servlet.app.BrokenReceivers");

        Exception failure = org.junit.jupiter.api.Assertions.assertThrows(Exception.class,
                () -> Container.serve(folder).close());
        String message = failure + " " + failure.getCause();
        assertTrue(message.contains("signals.servlet.app.BrokenReceivers"), message);
        assertTrue(message.contains("no database configured"), message);
    }

    // ------------------------------------------------------------------------ fixtures

    private Path application(String name, boolean withLibrary) throws IOException {
        return application(name, withLibrary, AppReceivers.class.getName());
    }

    /**
     * Copies the test application {@code lib} and packs its {@code WEB-INF/lib}: the application's
     * jar, and with {@code withLibrary} the jars of signals.core, signals.servlet and signals.jdbc.
     */
    private Path application(String name, boolean withLibrary, String provider) throws IOException {
        Path folder = temp.resolve(name);
        Path lib = folder.resolve("WEB-INF/lib");
        Files.createDirectories(lib);
        Files.copy(Path.of("src/test/webapps/lib/WEB-INF/web.xml"), folder.resolve("WEB-INF/web.xml"));
        Jars.pack(Path.of("target/test-classes"), lib.resolve("app.jar"), List.of("signals/servlet/app/"),
                Map.of("META-INF/services/" + ReceiverProvider.class.getName(), provider + "\n"));
        if (withLibrary) {
            Jars.library(Jars.origin("signals.core.Signal"), lib.resolve("signals-core.jar"));
            Jars.library(Path.of("target/classes"), lib.resolve("signals-servlet.jar"));
            Jars.library(Jars.origin("signals.jdbc.SignalsDriver"), lib.resolve("signals-jdbc.jar"));
        }
        return folder;
    }

    private static java.util.function.Consumer<WebAppContext> withEvents(BlockingQueue<String> events) {
        return webapp -> webapp.setAttribute(AppReceivers.EVENTS, events);
    }

    /**
     * Captures what {@code signals.core} logs, every copy of it: each logs through
     * {@code System.getLogger("signals.core")}, backed by the {@code java.util.logging} logger of
     * that name.
     */
    private static final class CoreLog extends Handler implements AutoCloseable {

        private final Logger logger = Logger.getLogger("signals.core");
        private final List<String> messages = new CopyOnWriteArrayList<>();

        CoreLog() {
            logger.addHandler(this);
        }

        List<String> messages() {
            return List.copyOf(messages);
        }

        @Override
        public void publish(LogRecord record) {
            messages.add(record.getMessage());
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
            logger.removeHandler(this);
        }
    }

    private static boolean connectedFromApplication() {
        return RequestSignals.REQUEST_STARTED.receivers().stream()
                .anyMatch(connection -> connection.origin().contains(AppReceivers.class.getName()));
    }

    /** The next {@code count} events, waiting at most 20 s for each; also used by {@link RedeployInEachContainerTests}. */
    static List<String> take(BlockingQueue<String> events, int count) throws InterruptedException {
        List<String> taken = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String event = events.poll(20, TimeUnit.SECONDS);
            if (event == null) {
                throw new AssertionError("waited 20 s for event " + (i + 1) + " of " + count + ", got " + taken);
            }
            taken.add(event);
        }
        return taken;
    }

    /** Asks for collection for at most five seconds; also used by {@link RedeployInEachContainerTests}. */
    static void assertCollected(WeakReference<ClassLoader> loader) throws InterruptedException {
        for (int i = 0; i < 50 && loader.get() != null; i++) {
            System.gc();
            Thread.sleep(100);
        }
        assertTrue(loader.get() == null, "the stopped application's class loader is still reachable: " + loader.get());
    }
}
