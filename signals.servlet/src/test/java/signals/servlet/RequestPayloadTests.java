package signals.servlet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import signals.core.ConnectOption;
import signals.core.Signal;
import signals.core.SignalConnection;
import signals.servlet.Servlets.Counting;

/**
 * What the request payloads carry: the method, path, query and status, copied when the request
 * starts, so that a receiver can keep them after the container recycled the request; and no
 * payload at all for a signal nobody hears. The application counts, ahead of the signals filter,
 * how often the filter reads the request's query string.
 */
class RequestPayloadTests {

    private static Container container;

    @BeforeAll
    static void serve() throws Exception {
        container = Container.serve(Path.of("src/test/webapps/counted"));
    }

    @AfterAll
    static void stop() throws Exception {
        container.close();
    }

    @Test
    void aReceiverThatKeepsThePayloadsStillHasTheMethodPathQueryAndStatusAfterTheResponse() throws Exception {
        BlockingQueue<Object> kept = new LinkedBlockingQueue<>();
        try (SignalConnection started = keep(RequestSignals.REQUEST_STARTED, kept);
             SignalConnection finished = keep(RequestSignals.REQUEST_FINISHED, kept)) {
            assertEquals("hello", container.get("/app/hello?page=2&sort=name", "kept").body());

            RequestStarted start = assertInstanceOf(RequestStarted.class, take(kept));
            RequestFinished finish = assertInstanceOf(RequestFinished.class, take(kept));
            assertEquals(List.of("GET", "/app/hello", "page=2&sort=name"), List.of(start.method(), start.path(), start.query()));
            assertEquals(List.of("GET", "/app/hello", "page=2&sort=name"), List.of(finish.method(), finish.path(), finish.query()));
            assertEquals(200, finish.status());
        }
    }

    @Test
    void aRequestDispatchedElsewhereFinishesWithWhatTheClientAskedForEvenWhenNobodyHeardItStart() throws Exception {
        BlockingQueue<Object> kept = new LinkedBlockingQueue<>();
        try (SignalConnection failed = keep(RequestSignals.GOT_REQUEST_EXCEPTION, kept);
             SignalConnection finished = keep(RequestSignals.REQUEST_FINISHED, kept)) {
            // The asynchronous cycle dispatches to /throwing?kind=unchecked, which throws.
            assertEquals(500, container.get("/app/async?mode=error", "dispatched").statusCode());

            GotRequestException failure = assertInstanceOf(GotRequestException.class, take(kept));
            RequestFinished finish = assertInstanceOf(RequestFinished.class, take(kept));
            assertEquals(List.of("GET", "/app/async", "mode=error"), List.of(failure.method(), failure.path(), failure.query()));
            assertEquals(List.of("GET", "/app/async", "mode=error"), List.of(finish.method(), finish.path(), finish.query()));
            assertEquals(500, finish.status());
        }
    }

    @Test
    void aRequestWithoutAQueryHasAnEmptyOne() throws Exception {
        BlockingQueue<Object> kept = new LinkedBlockingQueue<>();
        try (SignalConnection started = keep(RequestSignals.REQUEST_STARTED, kept)) {
            container.get("/app/hello", "no-query");

            assertEquals("", assertInstanceOf(RequestStarted.class, take(kept)).query());
        }
    }

    @Test
    void requestsWhoseSignalsNobodyHearsBuildNoPayloadAndReadNothingOfTheRequest() throws Exception {
        for (Signal<?> signal : List.of(RequestSignals.REQUEST_STARTED, RequestSignals.REQUEST_FINISHED,
                RequestSignals.GOT_REQUEST_EXCEPTION)) {
            assertFalse(signal.hasListeners(container.context()), "a receiver left connected to " + signal);
        }

        assertEquals(200, container.get("/app/hello?unheard", "unheard").statusCode());
        assertEquals(500, container.get("/app/throwing?kind=unchecked", "unheard-failing").statusCode());

        assertEquals(0, queryReads("unheard"));
        assertEquals(0, queryReads("unheard-failing"));
    }

    @Test
    void theRequestIsReadOnceHoweverManySignalsAreHeard() throws Exception {
        BlockingQueue<Object> kept = new LinkedBlockingQueue<>();
        try (SignalConnection finished = keep(RequestSignals.REQUEST_FINISHED, kept)) {
            container.get("/app/hello?heard", "finished-only");
            take(kept);
            assertEquals(1, queryReads("finished-only"));
        }
        try (SignalConnection started = keep(RequestSignals.REQUEST_STARTED, kept);
             SignalConnection failed = keep(RequestSignals.GOT_REQUEST_EXCEPTION, kept);
             SignalConnection finished = keep(RequestSignals.REQUEST_FINISHED, kept)) {
            container.get("/app/throwing?kind=unchecked", "all-three");
            List<Object> three = new ArrayList<>(List.of(take(kept), take(kept), take(kept)));
            assertEquals(3, three.size());
            assertEquals(1, queryReads("all-three"));
        }
    }

    // ------------------------------------------------------------------------ fixtures

    private static <T> SignalConnection keep(Signal<T> signal, BlockingQueue<Object> kept) {
        return signal.connect((s, sender, payload) -> kept.add(payload), ConnectOption.sender(container.context()));
    }

    private static Object take(BlockingQueue<Object> kept) throws InterruptedException {
        Object payload = kept.poll(20, TimeUnit.SECONDS);
        if (payload == null) {
            throw new AssertionError("waited 20 s for a payload");
        }
        return payload;
    }

    /** How often the signals filter read the request's query, once the chain has returned. */
    private static int queryReads(String id) throws InterruptedException {
        Counting.Count count = Counting.COUNTS.get(id);
        assertTrue(count != null && count.returned.await(20, TimeUnit.SECONDS), "request " + id + " never returned");
        return count.queryReads.get();
    }
}
