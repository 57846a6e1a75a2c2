package signals.servlet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import signals.core.ReceiverException;
import signals.core.SignalConnection;
import signals.servlet.Recorder.Event;

/**
 * Synchronous requests through an application that declares the filter twice, each mapped for
 * every kind of dispatch: request_started, request_finished and got_request_exception still come
 * once per request.
 */
class SyncRequestTests {

    @RegisterExtension
    static final Served app = new Served("full");

    // Django: tests/handlers/tests.py SignalsTests.test_request_signals
    @Test
    void aRequestSendsStartedThenFinishedWithTheSameRequestAndTheApplicationAsSender() throws Exception {
        HttpResponse<String> response = app.get("/app/hello", "plain");

        assertEquals(200, response.statusCode());
        List<Event> events = app.settle("plain");
        assertEquals(Recorder.PLAIN, Recorder.signals(events));
        assertSame(app.container().context(), events.get(0).sender());
        assertSame(app.container().context(), events.get(1).sender());
        assertSame(events.get(0).request(), events.get(1).request());
        assertEquals("/app/hello", events.get(1).uri());
        assertEquals(200, events.get(1).status());
    }

    @Test
    void requestStartedIsSentBeforeTheServletRuns() throws Exception {
        try (SignalConnection mark = RequestSignals.REQUEST_STARTED.connect(
                (signal, sender, started) -> started.request().setAttribute(Servlets.STARTED_MARK, true))) {
            assertEquals("hello started", app.get("/app/hello", "mark").body());
        }
    }

    @Test
    void requestFinishedCarriesTheStatusTheServletSent() throws Exception {
        HttpResponse<String> response = app.get("/app/throwing?kind=send-error", "send-error");

        assertEquals(500, response.statusCode());
        List<Event> events = app.settle("send-error");
        // sendError is an answer, not an exception: Django sends got_request_exception for exceptions only.
        assertEquals(Recorder.PLAIN, Recorder.signals(events));
        assertEquals(500, events.get(1).status());
    }

    @Test
    void aPageThatIsNotFoundGoesThroughTheErrorPageWithoutStartingAgain() throws Exception {
        HttpResponse<String> response = app.get("/app/missing", "missing");

        assertEquals(404, response.statusCode());
        assertEquals("error page, no exception", response.body());
        assertEquals(Recorder.PLAIN, Recorder.signals(app.settle("missing")));
    }

    @Test
    void anUncheckedExceptionIsReportedThenPassedOnUnchangedToTheErrorPage() throws Exception {
        Throwable thrown = failingRequest("unchecked");

        assertInstanceOf(IllegalStateException.class, thrown);
        assertEquals("unchecked from the servlet", thrown.getMessage());
    }

    @Test
    void aServletExceptionIsReportedThenPassedOnUnchangedToTheErrorPage() throws Exception {
        assertEquals("checked from the servlet", failingRequest("checked").getMessage());
    }

    @Test
    void anIOExceptionOfTheApplicationIsReportedThenPassedOnUnchanged() throws Exception {
        assertInstanceOf(IOException.class, failingRequest("io"));
    }

    @Test
    void anErrorIsReportedThenPassedOnUnchanged() throws Exception {
        assertInstanceOf(AssertionError.class, failingRequest("error"));
    }

    /** Asserts the whole exception path for one kind of exception, and returns the exception. */
    private Throwable failingRequest(String kind) throws Exception {
        HttpResponse<String> response = app.get("/app/throwing?kind=" + kind, kind);

        assertEquals(500, response.statusCode());
        List<Event> events = app.settle(kind);
        assertEquals(Recorder.FAILED, Recorder.signals(events));
        GotRequestException failed = (GotRequestException) events.get(1).payload();
        // The container's error page received the very exception the receivers saw.
        assertEquals("error page " + System.identityHashCode(failed.exception()) + " suppressed 0", response.body());
        assertSame(events.get(0).request(), failed.request());
        return failed.exception();
    }

    @Test
    void anExceptionAfterTheResponseWasCommittedIsReportedAndTheRequestFinishesOnce() throws Exception {
        try {
            app.get("/app/throwing?kind=committed", "committed");
        } catch (IOException expected) {
            // The container may cut the connection of a response it cannot finish.
        }

        List<Event> events = app.settle("committed");
        assertEquals(Recorder.FAILED, Recorder.signals(events));
        assertEquals("thrown after commit", ((GotRequestException) events.get(1).payload()).exception().getMessage());
    }

    @Test
    void whatAReceiverOfGotRequestExceptionThrowsIsAddedToTheExceptionAsSuppressed() throws Exception {
        IllegalArgumentException receiverFailure = new IllegalArgumentException("receiver failed");
        try (SignalConnection failing = RequestSignals.GOT_REQUEST_EXCEPTION.connect((signal, sender, failed) -> {
            throw receiverFailure;
        })) {
            HttpResponse<String> response = app.get("/app/throwing?kind=unchecked", "suppressed");

            assertEquals(500, response.statusCode());
            List<Event> events = app.settle("suppressed");
            assertEquals(Recorder.FAILED, Recorder.signals(events));
            Throwable exception = ((GotRequestException) events.get(1).payload()).exception();
            assertEquals("error page " + System.identityHashCode(exception) + " suppressed 1", response.body());
            assertSame(receiverFailure, exception.getSuppressed()[0]);
        }
    }

    @Test
    void aReceiverOfRequestStartedThatThrowsFailsTheRequestWhichStillFinishes() throws Exception {
        IllegalStateException receiverFailure = new IllegalStateException("started receiver failed");
        try (SignalConnection failing = RequestSignals.REQUEST_STARTED.connect((signal, sender, started) -> {
            throw receiverFailure;
        })) {
            HttpResponse<String> response = app.get("/app/hello", "started-fails");

            assertEquals(500, response.statusCode());
            List<Event> events = app.recorder().await(1,
                    event -> "started-fails".equals(event.id()) && event.signal().equals("request_finished"));
            List<Event> mine = events.stream().filter(event -> "started-fails".equals(event.id())).toList();
            assertEquals(Recorder.FAILED, Recorder.signals(mine));
            // As every host event of an adapter (signals.core.spi.HostEvent): wrapped, naming the receiver.
            Throwable reported = ((GotRequestException) mine.get(1).payload()).exception();
            assertEquals(ReceiverException.class, reported.getClass());
            assertSame(receiverFailure, reported.getCause());
        }
    }

    @Test
    void aClientThatWentAwayIsNoServerError() throws Exception {
        app.get("/app/throwing?kind=eof", "eof");

        assertEquals(Recorder.PLAIN, Recorder.signals(app.settle("eof")));
    }

    @Test
    void whatAReceiverOfRequestFinishedThrowsAfterAFailureIsAddedToTheFailure() throws Exception {
        IllegalArgumentException receiverFailure = new IllegalArgumentException("finished receiver failed");
        try (SignalConnection failing = RequestSignals.REQUEST_FINISHED.connect((signal, sender, finished) -> {
            if ("finished-fails".equals(finished.request().getHeader("X-Id"))) {
                throw receiverFailure;
            }
        })) {
            HttpResponse<String> response = app.get("/app/throwing?kind=unchecked", "finished-fails");

            assertEquals(500, response.statusCode());
            assertTrue(response.body().endsWith("suppressed 1"), response.body());
            assertEquals(Recorder.FAILED, Recorder.signals(app.settle("finished-fails")));
        }
    }

    @Test
    void aReceiverOfRequestFinishedThatThrowsFailsARequestThatWentWell() throws Exception {
        try (SignalConnection failing = RequestSignals.REQUEST_FINISHED.connect((signal, sender, finished) -> {
            if ("finished-fails-alone".equals(finished.request().getHeader("X-Id"))) {
                throw new IllegalStateException("finished receiver failed");
            }
        })) {
            assertEquals(500, app.get("/app/hello", "finished-fails-alone").statusCode());
        }
    }
}
