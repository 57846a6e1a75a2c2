package signals.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

// Django's tests/test_client_regress/tests.py (AssertTemplateUsedTests, ContextTests), against
// real requests to an embedded Jetty with signals.servlet's filter.
class RenderedViewsTests {

    private static Views server;

    @BeforeAll
    static void start() throws Exception {
        server = new Views();
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    // ContextTests.test_single_context
    @Test
    void aForwardToAViewCapturesItsPathAndContext() throws Exception {
        try (RenderedViews views = RenderedViews.capture()) {
            assertEquals("/order 42 for Ada;", server.get("views=order"));

            assertEquals(List.of("/views/order"), views.templates());
            assertEquals(42, views.context("order"));
            assertEquals("Ada", views.contexts().get(0).get("customer"));
            views.assertTemplateUsed("/views/order");
            views.assertTemplateNotUsed("/views/footer");
        }
    }

    // ContextTests.test_inherited_context, test_contextlist_get
    @Test
    void includedViewsAreCapturedInOrderAndALookupFindsTheFirstContext() throws Exception {
        try (RenderedViews views = RenderedViews.capture()) {
            server.get("views=order,footer&how=include");

            assertEquals(List.of("/views/order", "/views/footer"), views.templates());
            assertEquals(42, views.context("order"));
            assertEquals(43, views.contexts().get(1).get("order"));
        }
    }

    // AssertTemplateUsedTests.test_template_rendered_multiple_times
    @Test
    void aViewRenderedTwiceCountsTwice() throws Exception {
        try (RenderedViews views = RenderedViews.capture()) {
            server.get("views=order,order&how=include");

            views.assertTemplateUsed("/views/order", 2);
            AssertionFailedError failure = assertThrows(AssertionFailedError.class,
                    () -> views.assertTemplateUsed("/views/order", 1));
            assertEquals("Template '/views/order' was expected to be rendered 1 time(s) but was actually rendered 2 time(s). "
                    + "Views rendered:\n  /views/order [customer, order]\n  /views/order [customer, order]", failure.getMessage());
        }
    }

    // test_no_context
    @Test
    void aRequestWithoutViewsCapturesNothing() throws Exception {
        try (RenderedViews views = RenderedViews.capture()) {
            assertEquals("no view", server.get("plain"));

            assertEquals(List.of(), views.templates());
            assertEquals("No templates used to render the response",
                    assertThrows(AssertionFailedError.class, () -> views.assertTemplateUsed("/views/order")).getMessage());
            assertEquals("No rendered view had [order] in its context. No view was rendered.",
                    assertThrows(AssertionFailedError.class, () -> views.context("order")).getMessage());
        }
    }

    @Test
    void failuresNameTheViewsThatWereRendered() throws Exception {
        try (RenderedViews views = RenderedViews.capture()) {
            server.get("views=order");

            assertEquals("Template '/views/footer' was not a template used to render the response. "
                    + "Actual template(s) used: /views/order",
                    assertThrows(AssertionFailedError.class, () -> views.assertTemplateUsed("/views/footer")).getMessage());
            assertEquals("Template '/views/order' was used unexpectedly in rendering the response",
                    assertThrows(AssertionFailedError.class, () -> views.assertTemplateNotUsed("/views/order")).getMessage());
            assertEquals("No rendered view had [price] in its context. Views rendered:\n  /views/order [customer, order]",
                    assertThrows(AssertionFailedError.class, () -> views.context("price")).getMessage());
        }
    }

    @Test
    void aClosedCaptureKeepsWhatItHadAndClearForgets() throws Exception {
        RenderedViews views = RenderedViews.capture();
        server.get("views=order");
        views.close();
        server.get("views=footer");

        assertEquals("RenderedViews[/views/order]", views.toString());
        views.clear();
        assertEquals(List.of(), views.templates());
    }
}
