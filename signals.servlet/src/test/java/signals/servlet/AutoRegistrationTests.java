package signals.servlet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.servlet.FilterRegistration;
import jakarta.servlet.ServletContext;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

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

    private static List<String> signalsFilters(ServletContext context) {
        return context.getFilterRegistrations().values().stream()
                .filter(registration -> SignalsFilter.class.getName().equals(registration.getClassName()))
                .map(FilterRegistration::getName)
                .toList();
    }
}
