package signals.benchmarks;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The other JVM of {@link PgRelayBenchmark}: answers every ping with a pong carrying the same
 * number, through a relay ({@code relay}) or through pgjdbc by hand ({@code jdbc}). It prints
 * {@code ready} once it listens, and stops when its standard input closes.
 */
public final class PgRelayEcho {

    private PgRelayEcho() {
    }

    /**
     * Runs the echo.
     *
     * @param args the way ({@code relay} or {@code jdbc}), the JDBC URL, the application name
     * @throws Exception whatever fails
     */
    public static void main(String[] args) throws Exception {
        String way = args[0];
        String url = args[1];
        String application = args[2];
        if (way.equals("relay")) {
            RelayPingPong.echoThroughRelay(application, PgRelayBenchmark.transport(url, application));
            return;
        }
        // Pings are read on one connection and answered on another, in batches as they come.
        BlockingQueue<Long> pings = new LinkedBlockingQueue<>();
        Connection listener = DriverManager.getConnection(url);
        Connection writer = DriverManager.getConnection(url);
        Thread reader = new Thread(() -> PgRelayBenchmark.readByHand(listener, application, "ping", pings::add,
                () -> !Thread.currentThread().isInterrupted()), "pings");
        reader.setDaemon(true);
        reader.start();
        Thread answer = new Thread(() -> {
            long last = 0;
            try {
                while (true) {
                    Long first = pings.poll(100, TimeUnit.MILLISECONDS);
                    if (first == null) {
                        continue;
                    }
                    int count = 1 + pings.drainTo(new java.util.ArrayList<>());
                    last = PgRelayBenchmark.writeByHand(writer, application, "pong", last, count);
                }
            } catch (InterruptedException | SQLException e) {
                // stopping
            }
        }, "pongs");
        answer.setDaemon(true);
        answer.start();
        System.out.println("ready");
        RelayPingPong.waitForEndOfInput();
    }
}
