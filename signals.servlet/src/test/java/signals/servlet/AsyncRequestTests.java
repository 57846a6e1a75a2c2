package signals.servlet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import signals.servlet.Recorder.Event;

/**
 * Asynchronous requests ({@code startAsync}): request_finished comes once, when the asynchronous
 * cycle ends, however it ends; the filter is mapped for ASYNC dispatches too, twice.
 */
class AsyncRequestTests {

    @RegisterExtension
    static final Served app = new Served("full");

    @Test
    void aCompletedAsynchronousRequestFinishesOnceAfterItsResponseWasWritten() throws Exception {
        HttpResponse<String> response = app.get("/app/async?mode=complete", "complete");

        assertEquals("async done", response.body());
        List<Event> events = app.settle("complete");
        assertEquals(Recorder.PLAIN, Recorder.signals(events));
        assertTrue(events.get(1).committed(), "the response was complete when request_finished came");
        assertSame(events.get(0).request(), events.get(1).request());
    }

    @Test
    void aTimedOutAsynchronousRequestFinishesOnceWithoutAnException() throws Exception {
        HttpResponse<String> response = app.get("/app/async?mode=timeout", "timeout");

        assertEquals(500, response.statusCode());
        List<Event> events = app.settle("timeout");
        assertEquals(Recorder.PLAIN, Recorder.signals(events));
        assertEquals(500, events.get(1).status());
    }

    @Test
    void anAsynchronousDispatchToAServletThatThrowsIsReportedOnceAndFinishesOnce() throws Exception {
        HttpResponse<String> response = app.get("/app/async?mode=error", "error");

        assertEquals(500, response.statusCode());
        List<Event> events = app.settle("error");
        assertEquals(Recorder.FAILED, Recorder.signals(events));
        GotRequestException failed = (GotRequestException) events.get(1).payload();
        assertEquals("unchecked from the servlet", failed.exception().getMessage());
    }

    @Test
    void anExceptionThrownAfterStartAsyncIsReportedOnceAndFinishesOnce() throws Exception {
        HttpResponse<String> response = app.get("/app/async?mode=throw", "throw");

        assertEquals(500, response.statusCode());
        List<Event> events = app.settle("throw");
        assertEquals(Recorder.FAILED, Recorder.signals(events));
        assertEquals("thrown after startAsync",
                ((GotRequestException) events.get(1).payload()).exception().getMessage());
    }

    @Test
    void anAsynchronousDispatchDoesNotStartTheRequestAgain() throws Exception {
        HttpResponse<String> response = app.get("/app/async?mode=dispatch", "dispatch");

        assertEquals("dispatched", response.body());
        assertEquals(Recorder.PLAIN, Recorder.signals(app.settle("dispatch")));
    }

    @Test
    void aSecondAsynchronousCycleStartedFromTheDispatchFinishesOnceAtItsEnd() throws Exception {
        HttpResponse<String> response = app.get("/app/async?mode=restart", "restart");

        assertEquals("second cycle", response.body());
        List<Event> events = app.settle("restart");
        assertEquals(Recorder.PLAIN, Recorder.signals(events));
        assertTrue(events.get(1).committed());
    }
}
