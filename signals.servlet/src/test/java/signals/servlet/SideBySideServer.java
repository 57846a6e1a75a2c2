package signals.servlet;

import java.nio.file.Path;

/**
 * Not a test: the server of the speed check. One embedded Jetty serves the same hello-world
 * servlet three times: at {@code /with/hello} behind {@link SignalsFilter} (no receivers
 * connected), and at {@code /without/hello} and {@code /control/hello} without it, so that a load
 * generator in another process can load them side by side, at the same time; the two identical
 * applications show how far apart the same thing measures on the machine. Prints the port, then
 * serves until killed.
 *
 * <pre>{@code
 * java -cp <test class path> signals.servlet.SideBySideServer
 * wrk -t1 -c16 -d10s http://127.0.0.1:<port>/with/hello
 * wrk -t1 -c16 -d10s http://127.0.0.1:<port>/without/hello
 * }</pre>
 */
final class SideBySideServer {

    private SideBySideServer() {
    }

    public static void main(String[] args) throws Exception {
        Container container = Container.empty();
        container.add("/with", Path.of("src/test/webapps/snippet"), webapp -> { });
        container.add("/without", Path.of("src/test/webapps/bench-without"), webapp -> { });
        container.add("/control", Path.of("src/test/webapps/bench-without"), webapp -> { });
        container.start();
        System.out.println("port " + container.port());
        Thread.currentThread().join();
    }
}
