package signals.servlet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import signals.servlet.Recorder.Event;

/** Many requests at once: each gets its own started and finished pair, and nothing crosses between them. */
class ConcurrencyTests {

    private static final int REQUESTS = 200;

    @Test
    void twoHundredConcurrentRequestsEachGetTheirOwnStartedAndFinished() throws Exception {
        try (Container container = Container.serve(Path.of("src/test/webapps/full"));
             Recorder recorder = new Recorder(container.context())) {
            List<CompletableFuture<HttpResponse<String>>> responses = new ArrayList<>();
            for (int i = 0; i < REQUESTS; i++) {
                // Half synchronous, half asynchronous, interleaved.
                String path = i % 2 == 0 ? "/app/hello" : "/app/async?mode=complete";
                responses.add(Container.CLIENT.sendAsync(container.request(path, "c" + i),
                        HttpResponse.BodyHandlers.ofString()));
            }
            for (CompletableFuture<HttpResponse<String>> response : responses) {
                assertEquals(200, response.get().statusCode());
            }

            recorder.awaitFinished(REQUESTS);
            Map<String, List<Event>> byId = recorder.events().stream()
                    .collect(Collectors.groupingBy(Event::id));
            assertEquals(REQUESTS, byId.size());
            for (int i = 0; i < REQUESTS; i++) {
                List<Event> events = byId.get("c" + i);
                assertEquals(Recorder.PLAIN,
                        Recorder.signals(events), "request c" + i);
                assertSame(events.get(0).request(), events.get(1).request(), "request c" + i);
                assertEquals(events.get(0).uri(), events.get(1).uri(), "request c" + i);
            }
        }
    }
}
