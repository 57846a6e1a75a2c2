package signals.servlet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterRegistration;
import jakarta.servlet.ServletContext;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import org.eclipse.jetty.ee11.webapp.WebAppContext;
import org.junit.jupiter.api.Test;
import signals.core.Signals;

/**
 * Registration without web.xml, through the ServletContainerInitializer that Jetty finds with
 * ServiceLoader: off unless the context parameter switches it on, and never a second filter.
 */
class AutoRegistrationTests {

    @Test
    void theContextParameterRegistersTheFilterWithoutWebXml() throws Exception {
        try (Container container = Container.serve(Path.of("src/test/webapps/auto"));
             Recorder recorder = new Recorder(container.context())) {
            assertEquals(1, signalsFilters(container.context()).size());

            assertEquals("hello", container.get("/app/hello", "auto").body());
            assertEquals(Recorder.PLAIN, Recorder.signals(recorder.settle(container, "auto")));
            // Registered with asynchronous support, or startAsync behind it would fail.
            assertEquals("async done", container.get("/app/async?mode=complete", "auto-async").body());
            assertEquals(Recorder.PLAIN, Recorder.signals(recorder.settle(container, "auto-async")));
        }
    }

    @Test
    void withoutTheContextParameterNothingIsRegistered() throws Exception {
        try (Container container = Container.serve(Path.of("src/test/webapps/plain"));
             Recorder recorder = new Recorder(container.context())) {
            assertEquals(List.of(), signalsFilters(container.context()));

            assertEquals("hello", container.get("/app/hello", "plain").body());
            assertTrue(recorder.events().isEmpty(), "no signal without the filter: " + recorder.events());
        }
    }

    @Test
    void aFilterDeclaredInWebXmlIsNotRegisteredASecondTime() throws Exception {
        try (Container container = Container.serve(Path.of("src/test/webapps/auto-declared"));
             Recorder recorder = new Recorder(container.context())) {
            assertEquals(List.of("my-signals"), signalsFilters(container.context()));

            container.get("/app/hello", "declared");
            assertEquals(Recorder.PLAIN, Recorder.signals(recorder.settle(container, "declared")));
        }
    }

    @Test
    void aFailedSecondAsynchronousCycleIsReportedEvenWhenTheFilterIsMappedForRequestsOnly() throws Exception {
        try (Container container = Container.serve(Path.of("src/test/webapps/auto-declared"));
             Recorder recorder = new Recorder(container.context())) {
            assertEquals(500, container.get("/app/async?mode=rethrow", "rethrow").statusCode());

            List<Recorder.Event> events = recorder.settle(container, "rethrow");
            assertEquals(Recorder.FAILED, Recorder.signals(events));
            assertEquals("thrown in the second cycle",
                    ((GotRequestException) events.get(1).payload()).exception().getMessage());
        }
    }

    // Issue 23, item 12: an embedded WebAppContext without jetty-ee11-annotations runs no
    // ServletContainerInitializer, so the context parameter alone registers nothing.
    @Test
    void withoutInitializersTheContextParameterRegistersNothingAndTheInventorySaysSo() throws Exception {
        int before = SignalsFilter.startedApplications();
        try (Container container = Container.serve(Path.of("src/test/webapps/auto"), AutoRegistrationTests::withoutInitializers);
             Recorder recorder = new Recorder(container.context())) {
            assertEquals(List.of(), signalsFilters(container.context()));
            assertEquals(before, SignalsFilter.startedApplications());
            if (before == 0) {
                assertTrue(servletAdapterHost().endsWith("not started in any web application (yet)"), servletAdapterHost());
            }

            assertEquals("hello", container.get("/app/hello", "not-registered").body());
            assertTrue(recorder.events().isEmpty(), "no signal without the filter: " + recorder.events());
        }
    }

    @Test
    void theFilterTheProgramAddsAsTheReadmeShowsWorksWithoutInitializers() throws Exception {
        int before = SignalsFilter.startedApplications();
        try (Container container = Container.serve(Path.of("src/test/webapps/auto"), webapp -> {
                withoutInitializers(webapp);
                webapp.addFilter(SignalsFilter.class, "/*", EnumSet.allOf(DispatcherType.class)).setAsyncSupported(true);
            });
             Recorder recorder = new Recorder(container.context())) {
            assertEquals(before + 1, SignalsFilter.startedApplications());
            if (before == 0) {
                assertTrue(servletAdapterHost().endsWith("started in 1 web application"), servletAdapterHost());
            }

            assertEquals("hello", container.get("/app/hello", "added").body());
            assertEquals(Recorder.PLAIN, Recorder.signals(recorder.settle(container, "added")));
            assertEquals("async done", container.get("/app/async?mode=complete", "added-async").body());
            assertEquals(Recorder.PLAIN, Recorder.signals(recorder.settle(container, "added-async")));
        }
        assertEquals(before, SignalsFilter.startedApplications());
    }

    /**
     * As if jetty-ee11-annotations were missing: the container runs no ServletContainerInitializer
     * (Jetty's own switch, a pattern of the initializers' class names to leave out).
     */
    private static void withoutInitializers(WebAppContext webapp) {
        webapp.setAttribute("org.eclipse.jetty.containerInitializerExclusionPattern", ".*");
    }

    private static String servletAdapterHost() {
        return Signals.inventory().adapters().stream()
                .filter(adapter -> adapter.host().startsWith("Jakarta Servlet"))
                .findFirst().orElseThrow().host();
    }

    private static List<String> signalsFilters(ServletContext context) {
        return context.getFilterRegistrations().values().stream()
                .filter(registration -> SignalsFilter.class.getName().equals(registration.getClassName()))
                .map(FilterRegistration::getName)
                .toList();
    }
}
