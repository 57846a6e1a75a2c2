package signals.relay.nats;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP proxy between jnats and a private nats-server, on a free port of 127.0.0.1, which a test
 * can make fall silent or refuse connections: what a server that hangs, or a network that drops
 * everything, looks like to the client. It counts the connections made to it. Closing it closes
 * every connection it holds and waits (bounded) for its threads.
 */
final class NatsProxy implements AutoCloseable {

    private final ServerSocket listener;
    private final int target;
    private final AtomicInteger accepted = new AtomicInteger();
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private final List<Thread> threads = new CopyOnWriteArrayList<>();
    private volatile boolean silent;
    private volatile boolean refusing;

    /** Starts forwarding to the server at this URL ({@code nats://127.0.0.1:port}). */
    NatsProxy(String url) throws IOException {
        target = URI.create(url).getPort();
        listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        start("nats-proxy accept " + listener.getLocalPort(), this::accept);
    }

    String url() {
        return "nats://127.0.0.1:" + listener.getLocalPort();
    }

    /** How many connections were made to the proxy so far, refused ones included. */
    int accepted() {
        return accepted.get();
    }

    /**
     * From now on, what either side writes is read and dropped, on the connections open and on
     * new ones, which stay open: no answer, no heartbeat, no error, as from a server that hangs.
     */
    void silence() {
        silent = true;
    }

    /** From now on, closes the connections it holds and every new one as soon as it is made. */
    void refuse() {
        refusing = true;
        closeSockets();
    }

    /** Forwards again, on new connections. */
    void forward() {
        silent = false;
        refusing = false;
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                accepted.incrementAndGet();
                if (refusing) {
                    client.close();
                    continue;
                }
                Socket server = new Socket(InetAddress.getLoopbackAddress(), target);
                sockets.add(client);
                sockets.add(server);
                start("nats-proxy to server", () -> pump(client, server));
                start("nats-proxy to client", () -> pump(server, client));
            } catch (IOException e) {
                // The listener closed, or the server is away: the client sees its connection close.
            }
        }
    }

    /** Copies what one side writes to the other until either closes; drops it while silent. */
    private void pump(Socket from, Socket to) {
        byte[] buffer = new byte[16 * 1024];
        try (from; to) {
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                if (!silent) {
                    out.write(buffer, 0, n);
                    out.flush();
                }
            }
        } catch (IOException e) {
            // One side closed: both are closed on the way out.
        }
    }

    private void start(String name, Runnable task) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        threads.add(thread);
        thread.start();
    }

    private void closeSockets() {
        for (Socket socket : sockets) {
            try {
                socket.close();
            } catch (IOException e) {
                // closed already
            }
        }
        sockets.clear();
    }

    @Override
    public void close() throws IOException, InterruptedException {
        listener.close();
        closeSockets();
        for (Thread thread : threads) {
            thread.join(5_000);
        }
    }
}
