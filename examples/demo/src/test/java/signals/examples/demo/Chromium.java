package signals.examples.demo;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Debian's headless Chromium, driven through the DevTools protocol over a WebSocket: enough to
 * open a page, run a line of script in it and read what it shows. A fresh profile each time.
 */
final class Chromium implements AutoCloseable {

    /** How long the browser gets to start, a page to load, or a wait to come true: generous, for busy machines. */
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    /** The window's width: the live page must be readable at 1280 px without sideways scrolling. */
    static final int WIDTH = 1280;

    private static final Pattern ID = Pattern.compile("^\\{\"id\":(\\d+)");
    private static final Pattern VALUE = Pattern.compile("\"value\":\"([^\"]*)\"");
    private static final Pattern DATA = Pattern.compile("\"data\":\"([A-Za-z0-9+/=]+)\"");
    private static final Pattern PAGE_SOCKET = Pattern.compile("\"type\": ?\"page\"[^}]*?\"webSocketDebuggerUrl\": ?\"([^\"]+)\"");

    private final Process process;
    private final Path profile;
    private final WebSocket socket;
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<Integer, CompletableFuture<String>> replies = new ConcurrentHashMap<>();

    private Chromium(Process process, Path profile, WebSocket.Builder sockets, URI page) {
        this.process = process;
        this.profile = profile;
        this.socket = sockets.buildAsync(page, new Replies()).join();
    }

    /** The browser's executable on the PATH, if there is one. */
    static Optional<Path> find() {
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .flatMap(folder -> Stream.of("chromium", "chromium-browser", "google-chrome").map(name -> Path.of(folder, name)))
                .filter(Files::isExecutable)
                .findFirst();
    }

    /** Starts the browser headless with a new profile, on a blank page. */
    static Chromium launch(Path executable) throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory("signals-chromium-");
        Process process = new ProcessBuilder(executable.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--window-size=" + WIDTH + ",900", "--hide-scrollbars", "--user-data-dir=" + profile,
                "--remote-debugging-port=0", "about:blank")
                .redirectErrorStream(true)
                .redirectOutput(profile.resolve("chromium.log").toFile())
                .start();
        try {
            Path activePort = profile.resolve("DevToolsActivePort");
            waitFor(() -> Files.isReadable(activePort) && lines(activePort).size() >= 2,
                    () -> "Chromium wrote no DevToolsActivePort; its log: " + log(profile));
            HttpClient http = HttpClient.newHttpClient();
            URI targets = URI.create("http://127.0.0.1:" + lines(activePort).get(0) + "/json/list");
            Matcher page = PAGE_SOCKET.matcher("");
            waitFor(() -> page.reset(http.send(HttpRequest.newBuilder(targets).build(),
                    HttpResponse.BodyHandlers.ofString()).body()).find(), () -> "Chromium shows no page at " + targets);
            return new Chromium(process, profile, http.newWebSocketBuilder(), URI.create(page.group(1)));
        } catch (IOException | InterruptedException | RuntimeException | Error e) {
            stop(process);
            delete(profile);
            throw e;
        }
    }

    /** Opens a page and waits until the document has loaded. */
    void open(URI page) throws InterruptedException {
        call("Page.navigate", "{\"url\":\"" + page + "\"}");
        waitUntil("document.readyState", "complete"::equals);
    }

    /**
     * Evaluates a script expression in the page.
     *
     * @return its value as a string (String(value) in the page)
     */
    String evaluate(String expression) {
        // URI-encoded in the page, so that the reply's JSON string holds no escapes to undo here.
        String script = "encodeURIComponent(String(" + expression + "))";
        String reply = call("Runtime.evaluate", "{\"expression\":\"" + script.replace("\\", "\\\\").replace("\"", "\\\"")
                + "\",\"returnByValue\":true,\"awaitPromise\":true}");
        Matcher value = VALUE.matcher(reply);
        if (!value.find()) {
            throw new IllegalStateException("no value from " + expression + ": " + reply);
        }
        return URLDecoder.decode(value.group(1), StandardCharsets.UTF_8);
    }

    /** Evaluates an expression until its value passes the test, and returns that value. */
    String waitUntil(String expression, Predicate<String> test) throws InterruptedException {
        String[] last = {null};
        waitFor(() -> test.test(last[0] = evaluate(expression)), () -> expression + " stayed " + last[0]);
        return last[0];
    }

    /** Saves what the window shows as a PNG file. */
    void screenshot(Path png) throws IOException {
        String reply = call("Page.captureScreenshot", "{\"format\":\"png\"}");
        Matcher data = DATA.matcher(reply);
        if (!data.find()) {
            throw new IllegalStateException("no screenshot: " + reply.substring(0, Math.min(200, reply.length())));
        }
        Files.createDirectories(png.toAbsolutePath().getParent());
        Files.write(png, Base64.getDecoder().decode(data.group(1)));
    }

    @Override
    public void close() throws InterruptedException {
        socket.abort();
        stop(process);
        delete(profile);
    }

    /**
     * Stops the browser and the helper processes it started. They are looked up first: once the
     * browser is gone they belong to no one, and a network or crash helper still writing into the
     * profile would race the deletion of the folder.
     */
    private static void stop(Process process) throws InterruptedException {
        List<ProcessHandle> helpers = process.descendants().toList();
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
        for (ProcessHandle helper : helpers) {
            helper.destroy();
        }
        for (ProcessHandle helper : helpers) {
            try {
                helper.onExit().get(5, TimeUnit.SECONDS);
            } catch (ExecutionException | TimeoutException e) {
                helper.destroyForcibly();
            }
        }
    }

    private String call(String method, String params) {
        int id = ids.incrementAndGet();
        CompletableFuture<String> reply = new CompletableFuture<>();
        replies.put(id, reply);
        socket.sendText("{\"id\":" + id + ",\"method\":\"" + method + "\",\"params\":" + params + "}", true);
        return reply.orTimeout(PATIENCE.toSeconds(), TimeUnit.SECONDS).join();
    }

    /** Collects text frames into messages and completes the call each reply answers. */
    private final class Replies implements WebSocket.Listener {

        private final StringBuilder message = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            message.append(data);
            if (last) {
                Matcher id = ID.matcher(message);
                if (id.find()) {
                    Optional.ofNullable(replies.remove(Integer.parseInt(id.group(1))))
                            .ifPresent(reply -> reply.complete(message.toString()));
                }
                message.setLength(0);
            }
            webSocket.request(1);
            return null;
        }
    }

    private interface Condition {
        boolean holds() throws IOException, InterruptedException;
    }

    private static void waitFor(Condition condition, Supplier<String> failure)
            throws InterruptedException {
        Instant deadline = Instant.now().plus(PATIENCE);
        while (true) {
            try {
                if (condition.holds()) {
                    return;
                }
            } catch (IOException notYet) {
                // The browser is still starting.
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("waited " + PATIENCE.toSeconds() + " s: " + failure.get());
            }
            Thread.sleep(100);
        }
    }

    private static List<String> lines(Path file) throws IOException {
        return Files.readAllLines(file);
    }

    private static String log(Path profile) {
        try {
            return Files.readString(profile.resolve("chromium.log"));
        } catch (IOException e) {
            return "(unreadable: " + e + ")";
        }
    }

    private static void delete(Path folder) {
        // A file that vanishes during the walk (a helper's temporary file renamed away) ends the walk
        // with an exception; walk again, since a temporary folder left behind is not worth failing a test for.
        for (int attempt = 0; attempt < 3 && Files.exists(folder); attempt++) {
            try (Stream<Path> files = Files.walk(folder)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            } catch (IOException | UncheckedIOException e) {
                // walked again below
            }
        }
    }
}
