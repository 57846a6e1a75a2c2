package signals.servlet;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The servlets of the test applications, named in their {@code web.xml}; public only because the
 * container creates them.
 */
@SuppressWarnings("serial")
public final class Servlets {

    /** Set by a test receiver of request_started; the servlets report whether they saw it. */
    static final String STARTED_MARK = "test.started";

    private Servlets() {
    }

    /**
     * A filter ahead of {@link SignalsFilter}: counts, by {@code X-Id}, how often the rest of the
     * chain reads the query string, which the servlets here never do and the signals filter does
     * once for each request whose signals someone hears.
     */
    public static final class Counting implements Filter {

        /** What the rest of the chain did with one request. */
        static final class Count {
            final AtomicInteger queryReads = new AtomicInteger();
            final CountDownLatch returned = new CountDownLatch(1);
        }

        static final Map<String, Count> COUNTS = new ConcurrentHashMap<>();

        @Override
        public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
                throws IOException, ServletException {
            HttpServletRequest http = (HttpServletRequest) request;
            Count count = COUNTS.computeIfAbsent(String.valueOf(http.getHeader("X-Id")), id -> new Count());
            try {
                chain.doFilter(new HttpServletRequestWrapper(http) {
                    @Override
                    public String getQueryString() {
                        count.queryReads.incrementAndGet();
                        return super.getQueryString();
                    }
                }, response);
            } finally {
                count.returned.countDown();
            }
        }
    }

    /** Writes "hello", and "started" if request_started had been received before it ran. */
    public static final class Hello extends HttpServlet {
        @Override
        protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
            response.setContentType("text/plain");
            response.getWriter().print(request.getAttribute(STARTED_MARK) != null ? "hello started" : "hello");
        }
    }

    /** Throws what the {@code kind} parameter asks for. */
    public static final class Throwing extends HttpServlet {
        @Override
        protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException, ServletException {
            String kind = String.valueOf(request.getParameter("kind"));
            switch (kind) {
                case "unchecked" -> throw new IllegalStateException("unchecked from the servlet");
                case "checked" -> throw new ServletException("checked from the servlet");
                case "io" -> throw new IOException("io from the servlet");
                case "error" -> throw new AssertionError("error from the servlet");
                case "eof" -> throw new java.io.EOFException("the client went away");
                case "committed" -> {
                    response.getWriter().print("partial");
                    response.flushBuffer();
                    throw new IllegalStateException("thrown after commit");
                }
                case "send-error" -> response.sendError(500, "sent, not thrown");
                default -> throw new IllegalArgumentException(kind);
            }
        }
    }

    /** The error page: reports the exception the container hands it, by identity. */
    public static final class ErrorPage extends HttpServlet {
        @Override
        protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
            Throwable exception = (Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
            response.setContentType("text/plain");
            response.getWriter().print(exception == null ? "error page, no exception"
                    : "error page " + System.identityHashCode(exception) + " suppressed "
                    + exception.getSuppressed().length);
        }

        @Override
        protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
            doGet(request, response);
        }
    }

    /** Forwards to, or includes, the view {@code /views/order}, with request attributes. */
    public static final class Dispatching extends HttpServlet {
        @Override
        protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException, ServletException {
            request.setAttribute("order", 42);
            request.setAttribute("customer", "Ada");
            RequestDispatcher view = request.getRequestDispatcher("/views/order");
            if ("include".equals(request.getParameter("how"))) {
                response.getWriter().print("before ");
                view.include(request, response);
                request.setAttribute("order", 43);
                request.getRequestDispatcher("/views/footer").include(request, response);
            } else {
                view.forward(request, response);
            }
        }
    }

    /** A view: writes its context. */
    public static final class View extends HttpServlet {
        @Override
        protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
            response.getWriter().print("view " + request.getAttribute("order") + " for " + request.getAttribute("customer"));
        }
    }

    /** Asynchronous in the ways the {@code mode} parameter asks for. */
    public static final class Async extends HttpServlet {
        @Override
        protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException, ServletException {
            String mode = String.valueOf(request.getParameter("mode"));
            if (request.getDispatcherType() == jakarta.servlet.DispatcherType.ASYNC) {
                if ("rethrow".equals(mode)) {
                    // A second cycle that fails at once: only an AsyncListener hears of it.
                    request.startAsync().setTimeout(5_000);
                    throw new IllegalStateException("thrown in the second cycle");
                }
                if ("restart".equals(mode)) {
                    // A second cycle, from the asynchronous dispatch.
                    AsyncContext again = request.startAsync();
                    later(() -> {
                        write(again, "second cycle");
                        again.complete();
                    });
                } else {
                    response.getWriter().print("dispatched");
                }
                return;
            }
            AsyncContext async = request.startAsync();
            async.setTimeout(5_000);
            switch (mode) {
                case "complete" -> later(() -> {
                    write(async, "async done");
                    async.complete();
                });
                case "timeout" -> async.setTimeout(100);
                case "error" -> later(() -> async.dispatch("/throwing?kind=unchecked"));
                case "dispatch", "restart", "rethrow" -> later(async::dispatch);
                case "throw" -> throw new IllegalStateException("thrown after startAsync");
                case "ticks" -> tick(async);
                case "hold" -> hold(async);
                case "abandon" -> abandon(async);
                default -> throw new IllegalArgumentException(mode);
            }
        }

        /** Writes a line every 20 ms until writing fails, as a server-sent event stream does, then completes. */
        private static void tick(AsyncContext async) {
            async.setTimeout(0);
            later(() -> {
                try {
                    async.getResponse().getOutputStream().write("tick\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                    async.getResponse().flushBuffer();
                    tick(async);
                } catch (IOException e) {
                    // The client is gone.
                    async.complete();
                }
            });
        }

        /** Writes a line every 20 ms until writing fails, then gives up without completing. */
        private static void abandon(AsyncContext async) {
            async.setTimeout(0);
            later(() -> {
                try {
                    async.getResponse().getOutputStream().write("tick\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                    async.getResponse().flushBuffer();
                    abandon(async);
                } catch (IOException | IllegalStateException e) {
                    // The client is gone: nothing more to do here.
                }
            });
        }

        /** Sends the headers and a first line, then holds the response open, as a long poll does. */
        private static void hold(AsyncContext async) throws IOException {
            async.setTimeout(0);
            async.getResponse().getOutputStream().write("held\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            async.getResponse().flushBuffer();
        }

        private static void later(Runnable task) {
            CompletableFuture.runAsync(task, CompletableFuture.delayedExecutor(20, TimeUnit.MILLISECONDS));
        }

        private static void write(AsyncContext async, String text) {
            try {
                async.getResponse().getWriter().print(text);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** Writes until the client goes away, then lets the container see the failure. */
    public static final class Streaming extends HttpServlet {
        @Override
        protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
            byte[] chunk = new byte[16 * 1024];
            OutputStream out = response.getOutputStream();
            for (int i = 0; i < 100_000; i++) {
                out.write(chunk);
                out.flush();
            }
        }
    }
}
