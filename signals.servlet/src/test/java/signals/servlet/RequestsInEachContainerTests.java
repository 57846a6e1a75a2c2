package signals.servlet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import signals.servlet.WebServer.Vendor;
import signals.servlet.Recorder.Event;

/**
 * The request behaviours of {@code SyncRequestTests}, {@code AsyncRequestTests} and
 * {@code DisconnectTests}, run in Jetty and in Tomcat alike, through the application that
 * declares the filter twice in its {@code web.xml}, each mapped for every kind of dispatch: every
 * signal comes once per request however the request ends.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(Vendor.class)
class RequestsInEachContainerTests {

    private static WebServer server;
    private final Vendor vendor;
    private Recorder recorder;

    RequestsInEachContainerTests(Vendor vendor) {
        this.vendor = vendor;
    }

    @BeforeParameterizedClassInvocation
    static void serve(Vendor vendor) throws Exception {
        server = vendor.start();
        server.deploy(Path.of("src/test/webapps/full"));
    }

    @AfterParameterizedClassInvocation
    static void stop() throws Exception {
        server.close();
    }

    @BeforeEach
    void record() {
        recorder = new Recorder(server.context());
    }

    @AfterEach
    void stopRecording() {
        recorder.close();
    }

    // ------------------------------------------------------------------------ once per request

    @Test
    void aRequestSendsStartedThenFinishedOnceWithTheSameRequestAndTheApplicationAsSender() throws Exception {
        HttpResponse<String> response = server.get("/app/hello", "plain");

        assertEquals("hello", response.body());
        List<Event> events = settle("plain");
        assertEquals(Recorder.PLAIN, Recorder.signals(events));
        assertSame(server.context(), events.get(0).sender());
        assertSame(server.context(), events.get(1).sender());
        assertSame(events.get(0).request(), events.get(1).request());
        assertEquals("/app/hello", events.get(1).uri());
        assertEquals(200, events.get(1).status());
    }

    @Test
    void aPageThatIsNotFoundGoesThroughTheErrorPageWithoutStartingAgain() throws Exception {
        HttpResponse<String> response = server.get("/app/missing", "missing");

        assertEquals(404, response.statusCode());
        assertEquals("error page, no exception", response.body());
        assertEquals(Recorder.PLAIN, Recorder.signals(settle("missing")));
    }

    @Test
    void requestFinishedCarriesTheStatusTheServletSentWithoutAnException() throws Exception {
        assertEquals(500, server.get("/app/throwing?kind=send-error", "send-error").statusCode());

        List<Event> events = settle("send-error");
        assertEquals(Recorder.PLAIN, Recorder.signals(events));
        assertEquals(500, events.get(1).status());
    }

    // ------------------------------------------------------------------------ exceptions

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "unchecked, java.lang.IllegalStateException",
            "checked,   jakarta.servlet.ServletException",
            "io,        java.io.IOException",
            "error,     java.lang.AssertionError"})
    void anExceptionIsReportedOnceThenPassedOnUnchangedToTheErrorPage(String kind, Class<?> type) throws Exception {
        HttpResponse<String> response = server.get("/app/throwing?kind=" + kind, kind);

        assertEquals(500, response.statusCode());
        List<Event> events = settle(kind);
        assertEquals(Recorder.FAILED, Recorder.signals(events));
        GotRequestException failed = (GotRequestException) events.get(1).payload();
        Throwable thrown = failed.exception();
        if (vendor == Vendor.TOMCAT && kind.equals("error")) {
            // Tomcat's filter chain wraps what a servlet throws beyond RuntimeException, IOException
            // and ServletException before the filter sees it, and unwraps it for the error page.
            assertEquals("Servlet execution threw an exception", thrown.getMessage());
            thrown = thrown.getCause();
        }
        assertInstanceOf(type, thrown);
        assertEquals(kind + " from the servlet", thrown.getMessage());
        // The container's error page received the very exception the receivers saw.
        assertEquals("error page " + System.identityHashCode(thrown) + " suppressed 0", response.body());
        assertSame(events.get(0).request(), failed.request());
    }

    @Test
    void anExceptionAfterTheResponseWasCommittedIsReportedAndTheRequestFinishesOnce() throws Exception {
        try {
            server.get("/app/throwing?kind=committed", "committed");
        } catch (IOException expected) {
            // The container may cut the connection of a response it cannot finish.
        }

        List<Event> events = requestSignals(settle("committed"));
        assertEquals(Recorder.FAILED, Recorder.signals(events));
        assertEquals("thrown after commit", ((GotRequestException) events.get(1).payload()).exception().getMessage());
    }

    @Test
    void anEndOfFileFromTheClientIsNoServerError() throws Exception {
        server.get("/app/throwing?kind=eof", "eof");

        assertEquals(Recorder.PLAIN, Recorder.signals(settle("eof")));
    }

    // ------------------------------------------------------------------------ asynchronous requests

    @Test
    void aCompletedAsynchronousRequestFinishesOnceAfterItsResponseWasWritten() throws Exception {
        assertEquals("async done", server.get("/app/async?mode=complete", "complete").body());

        List<Event> events = settle("complete");
        assertEquals(Recorder.PLAIN, Recorder.signals(events));
        // Jetty commits the response before it tells the AsyncListeners that the cycle completed,
        // Tomcat after: request_finished comes from onComplete in both.
        assertEquals(vendor == Vendor.JETTY, events.get(1).committed(), "committed when request_finished came");
        assertSame(events.get(0).request(), events.get(1).request());
    }

    @Test
    void aTimedOutAsynchronousRequestFinishesOnceWithoutAnException() throws Exception {
        assertEquals(500, server.get("/app/async?mode=timeout", "timeout").statusCode());

        List<Event> events = settle("timeout");
        assertEquals(Recorder.PLAIN, Recorder.signals(events));
        assertEquals(500, events.get(1).status());
    }

    @Test
    void anAsynchronousDispatchDoesNotStartTheRequestAgain() throws Exception {
        assertEquals("dispatched", server.get("/app/async?mode=dispatch", "dispatch").body());

        assertEquals(Recorder.PLAIN, Recorder.signals(settle("dispatch")));
    }

    @Test
    void anAsynchronousDispatchToAServletThatThrowsIsReportedOnceAndFinishesOnce() throws Exception {
        assertEquals(500, server.get("/app/async?mode=error", "async-error").statusCode());

        List<Event> events = settle("async-error");
        assertEquals(Recorder.FAILED, Recorder.signals(events));
        assertEquals("unchecked from the servlet",
                ((GotRequestException) events.get(1).payload()).exception().getMessage());
    }

    @Test
    void anExceptionThrownAfterStartAsyncIsReportedOnceAndFinishesOnce() throws Exception {
        assertEquals(500, server.get("/app/async?mode=throw", "throw").statusCode());

        List<Event> events = settle("throw");
        assertEquals(Recorder.FAILED, Recorder.signals(events));
        assertEquals("thrown after startAsync",
                ((GotRequestException) events.get(1).payload()).exception().getMessage());
    }

    // ------------------------------------------------------------------------ clients that leave

    @Test
    void aClientThatLeavesWhileTheResponseIsWrittenFinishesTheRequestOnceWithoutAnException() throws Exception {
        try (Socket socket = connect("/app/streaming", "leaves-stream")) {
            assertTrue(socket.getInputStream().read(new byte[1024]) > 0, "the response had started");
        }

        assertEquals(Recorder.PLAIN, Recorder.signals(requestSignals(settle("leaves-stream"))));
    }

    @Test
    void aClientThatLeavesDuringAnAsynchronousRequestFinishesItOnceWithoutAnException() throws Exception {
        try (Socket socket = connect("/app/async?mode=ticks", "leaves-async")) {
            assertTrue(socket.getInputStream().read(new byte[64]) > 0, "the response had started");
        }

        assertEquals(Recorder.PLAIN, Recorder.signals(requestSignals(settle("leaves-async"))));
    }

    // ------------------------------------------------------------------------ fixtures

    /**
     * The events without template_rendered. When a response is already committed, Tomcat includes
     * its error page (Jetty dispatches to it as ERROR), and the filter announces every include as
     * a view, after request_finished or, when a client left during an asynchronous request,
     * before it.
     */
    private static List<Event> requestSignals(List<Event> events) {
        return events.stream().filter(event -> !event.signal().equals("template_rendered")).toList();
    }

    /** Sends a request on a socket of its own, which the test closes to leave. */
    private static Socket connect(String path, String id) throws IOException {
        Socket socket = new Socket("127.0.0.1", server.port());
        OutputStream out = socket.getOutputStream();
        out.write(("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Id: " + id + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        out.flush();
        return socket;
    }

    /**
     * The events of a request once it has finished and sent all it will send: waits for its
     * request_finished, then for that of one more request, which comes after anything the first
     * still had to send (see {@link Recorder#settle}).
     */
    private List<Event> settle(String id) throws Exception {
        recorder.await(1, event -> id.equals(event.id()) && event.signal().equals("request_finished"));
        String barrier = id + "-barrier";
        server.get("/app/hello", barrier);
        recorder.await(1, event -> barrier.equals(event.id()) && event.signal().equals("request_finished"));
        return recorder.of(id);
    }
}
