package signals.servlet;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The web.xml declaration the README shows, word for word, fires what the README says. */
class DocumentedDeclarationTests {

    @RegisterExtension
    static final Served app = new Served("snippet");

    @Test
    void aRequestSendsStartedAndFinished() throws Exception {
        assertEquals("hello", app.get("/app/hello", "hello").body());

        assertEquals(Recorder.PLAIN, Recorder.signals(app.settle("hello")));
    }

    @Test
    void aForwardToAViewSendsTemplateRendered() throws Exception {
        assertEquals("view 42 for Ada", app.get("/app/dispatching", "forward").body());

        assertEquals(List.of("request_started", "template_rendered", "request_finished"),
                Recorder.signals(app.settle("forward")));
    }
}
