package signals.servlet;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import signals.servlet.Recorder.Event;

/**
 * A test application served for a whole test class, with a fresh {@link Recorder} for each test:
 * {@code @RegisterExtension static final Served app = new Served("full");}
 */
final class Served implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback {

    private final Path folder;
    private Container container;
    private Recorder recorder;

    /** Serves {@code src/test/webapps/<name>} at {@code /app}. */
    Served(String name) {
        this.folder = Path.of("src/test/webapps", name);
    }

    Container container() {
        return container;
    }

    Recorder recorder() {
        return recorder;
    }

    /** Calls a path of the server with an {@code X-Id} header. */
    HttpResponse<String> get(String path, String id) throws IOException, InterruptedException {
        return container.get(path, id);
    }

    /** The events of a request once it has finished and sent all it will send; see {@link Recorder#settle}. */
    List<Event> settle(String id) throws Exception {
        return recorder.settle(container, id);
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        container = Container.serve(folder);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        recorder = new Recorder(container.context());
    }

    @Override
    public void afterEach(ExtensionContext context) {
        recorder.close();
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        container.close();
    }
}
