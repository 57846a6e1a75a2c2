package signals.servlet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import signals.servlet.Recorder.Event;

/**
 * Asynchronous requests ({@code startAsync}): request_finished comes once, when the asynchronous
 * cycle ends, however it ends; the filter is mapped for ASYNC dispatches too, twice.
 */
class AsyncRequestTests {

    private static final List<String> PLAIN = List.of("request_started", "request_finished");
    private static final List<String> FAILED = List.of("request_started", "got_request_exception", "request_finished");

    private static Container container;
    private Recorder recorder;

    @BeforeAll
    static void start() throws Exception {
        container = Container.serve(Path.of("src/test/webapps/full"));
    }

    @AfterAll
    static void stop() throws Exception {
        container.close();
    }

    @BeforeEach
    void record() {
        recorder = new Recorder(container.context());
    }

    @AfterEach
    void stopRecording() {
        recorder.close();
    }

    @Test
    void aCompletedAsynchronousRequestFinishesOnceAfterItsResponseWasWritten() throws Exception {
        HttpResponse<String> response = container.get("/app/async?mode=complete", "complete");

        assertEquals("async done", response.body());
        List<Event> events = recorder.settle(container, "complete");
        assertEquals(PLAIN, events.stream().map(Event::signal).toList());
        assertTrue(events.get(1).committed(), "the response was complete when request_finished came");
        assertSame(events.get(0).request(), events.get(1).request());
    }

    @Test
    void aTimedOutAsynchronousRequestFinishesOnceWithoutAnException() throws Exception {
        HttpResponse<String> response = container.get("/app/async?mode=timeout", "timeout");

        assertEquals(500, response.statusCode());
        List<Event> events = recorder.settle(container, "timeout");
        assertEquals(PLAIN, events.stream().map(Event::signal).toList());
        assertEquals(500, events.get(1).status());
    }

    @Test
    void anAsynchronousDispatchToAServletThatThrowsIsReportedOnceAndFinishesOnce() throws Exception {
        HttpResponse<String> response = container.get("/app/async?mode=error", "error");

        assertEquals(500, response.statusCode());
        List<Event> events = recorder.settle(container, "error");
        assertEquals(FAILED, events.stream().map(Event::signal).toList());
        GotRequestException failed = (GotRequestException) events.get(1).payload();
        assertEquals("unchecked from the servlet", failed.exception().getMessage());
    }

    @Test
    void anExceptionThrownAfterStartAsyncIsReportedOnceAndFinishesOnce() throws Exception {
        HttpResponse<String> response = container.get("/app/async?mode=throw", "throw");

        assertEquals(500, response.statusCode());
        List<Event> events = recorder.settle(container, "throw");
        assertEquals(FAILED, events.stream().map(Event::signal).toList());
        assertEquals("thrown after startAsync",
                ((GotRequestException) events.get(1).payload()).exception().getMessage());
    }

    @Test
    void anAsynchronousDispatchDoesNotStartTheRequestAgain() throws Exception {
        HttpResponse<String> response = container.get("/app/async?mode=dispatch", "dispatch");

        assertEquals("dispatched", response.body());
        assertEquals(PLAIN, recorder.settle(container, "dispatch").stream().map(Event::signal).toList());
    }

    @Test
    void aSecondAsynchronousCycleStartedFromTheDispatchFinishesOnceAtItsEnd() throws Exception {
        HttpResponse<String> response = container.get("/app/async?mode=restart", "restart");

        assertEquals("second cycle", response.body());
        List<Event> events = recorder.settle(container, "restart");
        assertEquals(PLAIN, events.stream().map(Event::signal).toList());
        assertTrue(events.get(1).committed());
    }
}
