package signals.servlet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import signals.servlet.Recorder.Event;

/**
 * template_rendered: a forward to, or an include of, a view, through a RequestDispatcher, in an
 * application that declares the filter twice.
 */
class TemplateRenderedTests {

    @RegisterExtension
    static final Served app = new Served("full");

    // Django: tests/test_client_regress/tests.py ContextTests.test_single_context
    @Test
    void aForwardToAViewSendsItsPathAndTheRequestAttributesAsContext() throws Exception {
        HttpResponse<String> response = app.get("/app/dispatching", "forward");

        assertEquals("view 42 for Ada", response.body());
        List<Event> events = app.settle("forward");
        assertEquals(List.of("request_started", "template_rendered", "request_finished"),
                Recorder.signals(events));
        TemplateRendered rendered = (TemplateRendered) events.get(1).payload();
        assertEquals("/views/order", rendered.template());
        assertEquals(42, rendered.context().get("order"));
        assertEquals("Ada", rendered.context().get("customer"));
        assertFalse(rendered.context().containsKey(Exchange.ATTRIBUTE), "the filter's own bookkeeping is no context");
        assertSame(app.container().context(), events.get(1).sender());
    }

    @Test
    void eachIncludeSendsTheContextAsItWasWhenThatViewRan() throws Exception {
        HttpResponse<String> response = app.get("/app/dispatching?how=include", "include");

        assertEquals("before view 42 for Adaview 43 for Ada", response.body());
        List<Event> events = app.settle("include");
        assertEquals(List.of("request_started", "template_rendered", "template_rendered", "request_finished"),
                Recorder.signals(events));
        TemplateRendered first = (TemplateRendered) events.get(1).payload();
        TemplateRendered second = (TemplateRendered) events.get(2).payload();
        assertEquals(List.of("/views/order", "/views/footer"), List.of(first.template(), second.template()));
        assertEquals(42, first.context().get("order"));
        assertEquals(43, second.context().get("order"));
    }

    // Django: tests/test_client_regress/tests.py ContextTests.test_no_context
    @Test
    void aRequestThatRendersNoViewSendsNoTemplateRendered() throws Exception {
        app.get("/app/hello", "no-view");

        assertEquals(Recorder.PLAIN,
                Recorder.signals(app.settle("no-view")));
    }

    @Test
    void theContextIsACopyThatCannotBeChanged() throws Exception {
        app.get("/app/dispatching", "copy");

        TemplateRendered rendered = (TemplateRendered) app.settle("copy").get(1).payload();
        Map<String, Object> context = rendered.context();
        assertThrows(UnsupportedOperationException.class, () -> context.put("order", 1));
    }
}
