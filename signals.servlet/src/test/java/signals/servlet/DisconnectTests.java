package signals.servlet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
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

    private static Socket request(String path, String id) throws Exception {
        Socket socket = new Socket("127.0.0.1", app.container().port());
        OutputStream out = socket.getOutputStream();
        out.write(("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Id: " + id + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        out.flush();
        return socket;
    }
}
