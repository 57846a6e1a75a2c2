package signals.servlet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import signals.servlet.Recorder.Event;

/**
 * Clients that go away before the response is complete: the request still finishes exactly once,
 * and a client that left is no server error.
 */
class DisconnectTests {

    @RegisterExtension
    static final Served app = new Served("full");

    // Django: tests/asgi/tests.py test_asyncio_streaming_cancel_error
    @Test
    void aClientThatLeavesWhileTheResponseIsWrittenFinishesTheRequestOnceWithoutAnException() throws Exception {
        try (Socket socket = request("/app/streaming", "leaves-stream")) {
            InputStream in = socket.getInputStream();
            assertTrue(in.read(new byte[1024]) > 0, "the response had started");
        }

        List<Event> events = app.settle("leaves-stream");
        assertEquals(Recorder.PLAIN, Recorder.signals(events));
    }

    // Django: tests/asgi/tests.py test_asyncio_cancel_error
    @Test
    void aClientThatLeavesDuringAnAsynchronousRequestFinishesItOnceWithoutAnException() throws Exception {
        try (Socket socket = request("/app/async?mode=ticks", "leaves-async")) {
            assertTrue(socket.getInputStream().read(new byte[64]) > 0, "the response had started");
        }

        List<Event> events = app.settle("leaves-async");
        assertEquals(Recorder.PLAIN, Recorder.signals(events));
    }

    /**
     * Clients that reset the connection (SO_LINGER 0) of asynchronous requests that are writing,
     * or holding the response open, or have given up writing without completing. The servlet
     * never completes the last two: the container reports the client's departure through
     * {@code AsyncListener.onError} with an {@code EofException} (Jetty does, at the latest when
     * it stops), and that alone must finish the request.
     */
    @Test
    void everyAsynchronousRequestAClientResetFinishesExactlyOnce() throws Exception {
        String[] modes = {"ticks", "hold", "abandon"};
        int requests = 50;
        List<Recorder.Event> events;
        try (Container container = Container.serve(Path.of("src/test/webapps/full"));
             Recorder recorder = new Recorder(container.context())) {
            for (int i = 0; i < requests; i++) {
                try (Socket socket = request(container.port(), "/app/async?mode=" + modes[i % modes.length], "reset" + i)) {
                    assertTrue(socket.getInputStream().read(new byte[256]) > 0, "the response of reset" + i + " had started");
                    socket.setSoLinger(true, 0);
                }
            }
            // Stopping makes Jetty report every abandoned request it still holds, through onError.
            container.close();
            recorder.await(requests, event -> event.signal().equals("request_finished"));
            events = recorder.events();
        }
        for (int i = 0; i < requests; i++) {
            String id = "reset" + i;
            assertEquals(Recorder.PLAIN, Recorder.signals(events.stream().filter(event -> id.equals(event.id())).toList()),
                    id + " (" + modes[i % modes.length] + ")");
        }
    }

    private static Socket request(String path, String id) throws Exception {
        return request(app.container().port(), path, id);
    }

    private static Socket request(int port, String path, String id) throws Exception {
        Socket socket = new Socket("127.0.0.1", port);
        OutputStream out = socket.getOutputStream();
        out.write(("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Id: " + id + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        out.flush();
        return socket;
    }
}
