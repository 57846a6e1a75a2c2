package signals.benchmarks;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.eclipse.jetty.client.ContentResponse;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.ee11.webapp.WebAppContext;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.util.thread.ScheduledExecutorScheduler;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.Blackhole;
import signals.core.SignalConnection;
import signals.servlet.RequestSignals;

/**
 * What {@code signals.servlet} costs a request to Jetty 12.1 (EE 11): one HTTP/1.1 {@code GET} of
 * a hello-world servlet over loopback, timed from the client, so one operation is a full round
 * trip: the client writes the request, Jetty parses it, runs the web application's filter chain
 * and servlet, writes the response, and the client reads it.
 *
 * <p>{@code signals}: {@code without} deploys the servlet alone; {@code present} the same servlet
 * behind {@link signals.servlet.SignalsFilter}, declared in {@code web.xml} as the module's README
 * shows, with no receiver connected; {@code receiver} the same with one receiver on
 * {@code request_started} and one on {@code request_finished}, each counting the requests it
 * hears. Compare {@code present} and {@code receiver} with {@code without}. Each trial starts its
 * own server: a {@link WebAppContext} deployed from a folder with a real {@code WEB-INF/web.xml}
 * (copied from this jar's {@code signals/benchmarks/servlet/}), the servlet {@link Hello} in all
 * three, so that the only difference is the filter and what it fires.
 *
 * <p><b>The client</b> is Jetty's own {@link HttpClient}, in the same JVM: one HTTP/1.1 connection
 * kept alive for the whole trial, each request sent from the benchmark thread, which blocks until
 * the whole response is in. Chosen over the JDK's {@code java.net.http.HttpClient} because it adds
 * less to the round trip: in the smoke runs that compared the two here, it allocated about 5.7 KB
 * per request on the client side, the JDK's about 18 KB; and the JDK client completes every
 * response on a thread of its executor after its selector thread has read it, one more hand-off
 * between threads per request on a machine of two cores. Whatever the client costs is the same in
 * the three variants.
 *
 * <p><b>Allocation.</b> {@code -prof gc} counts what every thread of the JVM allocates: the
 * client's (the benchmark thread and the client's own threads) and the server's alike, so its
 * {@code gc.alloc.rate.norm} is the whole round trip. The server's part is measured on its own:
 * the server runs on a fixed pool of threads whose names start with {@value #SERVER_THREADS},
 * and {@link ServerAllocation} reads their allocated bytes ({@code ThreadMXBean}) at the start
 * and end of every iteration, and counts the requests sent in between. Its two counters,
 * {@code serverBytes} and {@code requests}, are JMH "events", summed over the iterations;
 * {@code serverBytes / requests} is what Jetty and the web application allocate per request, and
 * its difference between {@code present} and {@code without} is what the filter allocates
 * ({@code benchmarks/tables} divides them).
 *
 * <p><b>Same JIT state.</b> Every fork first runs the send paths of {@code signals.core} with ten
 * receiver classes ({@link Receivers#polluteSendPaths}), as the other benchmarks do: in an
 * application, the call to the receivers inside {@code Signal.fire} sees many classes, and the
 * two receivers of {@code receiver} would otherwise be inlined there as no real program would
 * have them.
 */
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-XX:+AlwaysPreTouch"})
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class ServletBenchmark {

    /** The name, and name prefix, of the server's threads; {@link ServerAllocation} looks for it. */
    static final String SERVER_THREADS = "bench-server";

    // More than the acceptor, the selector and the request need at once, and fixed: a thread that
    // ended during an iteration would take its allocated bytes out of ServerAllocation's count.
    private static final int SERVER_POOL = 8;

    /** The served web application, the client, and the receivers of {@code receiver}. */
    @State(Scope.Thread)
    public static class Jetty {

        /** {@code without}, {@code present} or {@code receiver}: see the class comment. */
        @Param({"without", "present", "receiver"})
        public String signals;

        final AtomicLong started = new AtomicLong();
        final AtomicLong finished = new AtomicLong();
        long sent;

        private Path folder;
        private Server server;
        private HttpClient client;
        private URI uri;
        private SignalConnection onStart;
        private SignalConnection onFinish;

        /**
         * Pollutes the send paths, connects the receivers of {@code receiver}, deploys the web
         * application and opens the client's connection.
         *
         * @param bh where the polluting receivers put their payload
         * @throws Exception if Jetty fails to start
         */
        @Setup(Level.Trial)
        public void start(Blackhole bh) throws Exception {
            Receivers.polluteSendPaths(bh);
            if (signals.equals("receiver")) {
                onStart = RequestSignals.REQUEST_STARTED.connect((signal, context, request) -> started.incrementAndGet());
                onFinish = RequestSignals.REQUEST_FINISHED.connect((signal, context, request) -> finished.incrementAndGet());
            } else if (!signals.equals("without") && !signals.equals("present")) {
                throw new IllegalArgumentException("signals " + signals);
            }
            folder = webApplication(signals.equals("without") ? "without" : "filter");

            QueuedThreadPool pool = new QueuedThreadPool(SERVER_POOL, SERVER_POOL);
            pool.setName(SERVER_THREADS);
            server = new Server(pool, new ScheduledExecutorScheduler(SERVER_THREADS + "-scheduler", false), null);
            ServerConnector connector = new ServerConnector(server, 1, 1);
            connector.setHost("127.0.0.1");
            connector.setPort(0);
            server.addConnector(connector);
            WebAppContext webapp = new WebAppContext();
            webapp.setContextPath("/");
            webapp.setWar(folder.toString());
            webapp.setThrowUnavailableOnStartupException(true);
            server.setHandler(webapp);
            server.start();
            uri = URI.create("http://127.0.0.1:" + connector.getLocalPort() + "/hello");

            QueuedThreadPool clientPool = new QueuedThreadPool();
            clientPool.setName("bench-client");
            client = new HttpClient();
            client.setExecutor(clientPool);
            client.setMaxConnectionsPerDestination(1);
            client.setFollowRedirects(false);
            client.start();
            // The first request opens the connection, which every later one reuses.
            get();
        }

        /**
         * Stops the client and the server, disconnects the receivers and checks that they heard
         * every request.
         *
         * @throws Exception if Jetty fails to stop
         */
        @TearDown(Level.Trial)
        public void stop() throws Exception {
            client.stop();
            server.stop();
            deleteTree(folder);
            if (onStart != null) {
                onStart.disconnect();
                onFinish.disconnect();
                if (started.get() != sent || finished.get() != sent) {
                    throw new IllegalStateException(sent + " requests sent, but request_started heard "
                            + started.get() + " and request_finished " + finished.get());
                }
            }
        }

        int get() throws InterruptedException, ExecutionException, TimeoutException {
            sent++;
            ContentResponse response = client.GET(uri);
            if (response.getStatus() != 200) {
                throw new IllegalStateException("GET " + uri + ": " + response.getStatus());
            }
            return response.getContent().length;
        }
    }

    /**
     * What the server's threads allocate: {@code serverBytes} over the iteration, beside the
     * {@code requests} sent in it. Summed over the iterations by JMH, as every
     * {@link AuxCounters.Type#EVENTS} counter is; their ratio is the bytes per request.
     */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class ServerAllocation {

        /** Bytes allocated by the server's threads during the iteration. */
        public long serverBytes;

        /** Requests sent during the iteration. */
        public long requests;

        private ThreadAllocation start;

        /**
         * Takes the server threads' counts before the iteration. JMH has set up {@link Jetty} by
         * then: it sets up every state for the trial before any for the iteration. (Naming
         * {@code Jetty} as a parameter here would make JMH create a second server.)
         */
        @Setup(Level.Iteration)
        public void before() {
            serverBytes = 0;
            requests = 0;
            start = ThreadAllocation.of(SERVER_THREADS);
        }

        /** Counts what the server's threads allocated during the iteration. */
        @TearDown(Level.Iteration)
        public void after() {
            serverBytes = ThreadAllocation.of(SERVER_THREADS).since(start);
        }
    }

    /**
     * One request, one response: a keep-alive {@code GET /hello}.
     *
     * @param jetty the server and the client
     * @param allocation counts the request
     * @return the length of the body, so that nothing is optimised away
     * @throws Exception if the request fails or the status is not 200
     */
    @Benchmark
    public int request(Jetty jetty, ServerAllocation allocation) throws Exception {
        allocation.requests++;
        return jetty.get();
    }

    /**
     * The servlet of every variant: a plain-text "hello", written the usual way.
     */
    public static final class Hello extends HttpServlet {
        private static final long serialVersionUID = 1L;

        /** Created by the container. */
        public Hello() {
        }

        @Override
        protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
            response.setContentType("text/plain");
            response.getWriter().print("hello");
        }
    }

    /** Copies the web application {@code name} out of this jar into a new folder. */
    static Path webApplication(String name) throws IOException {
        Path folder = Files.createTempDirectory("servlet-benchmark-" + name);
        Path descriptor = folder.resolve("WEB-INF").resolve("web.xml");
        Files.createDirectories(descriptor.getParent());
        String resource = "servlet/" + name + "/WEB-INF/web.xml";
        try (InputStream in = ServletBenchmark.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("no " + resource + " beside " + ServletBenchmark.class);
            }
            Files.copy(in, descriptor);
        }
        return folder;
    }

    static void deleteTree(Path folder) throws IOException {
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.delete(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
