package signals.servlet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import signals.servlet.Recorder.Event;

/**
 * template_rendered: a forward to, or an include of, a view, through a RequestDispatcher, in an
 * application that declares the filter twice.
 */
class TemplateRenderedTests {

    private static Container container;
    private Recorder recorder;

    @BeforeAll
    static void start() throws Exception {
        container = Container.serve(Path.of("src/test/webapps/full"));
    }

    @AfterAll
    static void stop() throws Exception {
        container.close();
    }

    @BeforeEach
    void record() {
        recorder = new Recorder(container.context());
    }

    @AfterEach
    void stopRecording() {
        recorder.close();
    }

    // Django: tests/test_client_regress/tests.py ContextTests.test_single_context
    @Test
    void aForwardToAViewSendsItsPathAndTheRequestAttributesAsContext() throws Exception {
        HttpResponse<String> response = container.get("/app/dispatching", "forward");

        assertEquals("view 42 for Ada", response.body());
        List<Event> events = recorder.settle(container, "forward");
        assertEquals(List.of("request_started", "template_rendered", "request_finished"),
                events.stream().map(Event::signal).toList());
        TemplateRendered rendered = (TemplateRendered) events.get(1).payload();
        assertEquals("/views/order", rendered.template());
        assertEquals(42, rendered.context().get("order"));
        assertEquals("Ada", rendered.context().get("customer"));
        assertFalse(rendered.context().containsKey(Exchange.ATTRIBUTE), "the filter's own bookkeeping is no context");
        assertSame(container.context(), events.get(1).sender());
    }

    @Test
    void eachIncludeSendsTheContextAsItWasWhenThatViewRan() throws Exception {
        HttpResponse<String> response = container.get("/app/dispatching?how=include", "include");

        assertEquals("before view 42 for Adaview 43 for Ada", response.body());
        List<Event> events = recorder.settle(container, "include");
        assertEquals(List.of("request_started", "template_rendered", "template_rendered", "request_finished"),
                events.stream().map(Event::signal).toList());
        TemplateRendered first = (TemplateRendered) events.get(1).payload();
        TemplateRendered second = (TemplateRendered) events.get(2).payload();
        assertEquals(List.of("/views/order", "/views/footer"), List.of(first.template(), second.template()));
        assertEquals(42, first.context().get("order"));
        assertEquals(43, second.context().get("order"));
    }

    // Django: tests/test_client_regress/tests.py ContextTests.test_no_context
    @Test
    void aRequestThatRendersNoViewSendsNoTemplateRendered() throws Exception {
        container.get("/app/hello", "no-view");

        assertEquals(List.of("request_started", "request_finished"),
                recorder.settle(container, "no-view").stream().map(Event::signal).toList());
    }

    @Test
    void theContextIsACopyThatCannotBeChanged() throws Exception {
        container.get("/app/dispatching", "copy");

        TemplateRendered rendered = (TemplateRendered) recorder.settle(container, "copy").get(1).payload();
        Map<String, Object> context = rendered.context();
        assertThrows(UnsupportedOperationException.class, () -> context.put("order", 1));
    }
}
