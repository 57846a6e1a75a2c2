package signals.test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.opentest4j.AssertionFailedError;
import signals.servlet.RequestSignals;
import signals.servlet.TemplateRendered;

/**
 * The views rendered while it is open, from {@code signals.servlet}'s {@code template_rendered}:
 * what Django's test client gives as {@code response.templates} and {@code response.context},
 * with Django's {@code assertTemplateUsed} and {@code assertTemplateNotUsed}.
 *
 * <pre>{@code
 * try (RenderedViews views = RenderedViews.capture()) {
 *     HttpResponse<String> response = client.send(get("/orders/42"), ofString());
 *     views.assertTemplateUsed("/WEB-INF/views/order.jsp");
 *     assertEquals(42, views.context("order"));
 * }
 * }</pre>
 *
 * <p>It hears every thread, since the container renders on its own threads; the views of
 * requests made at the same time by other tests are heard too. Each view's context is the copy
 * of the request attributes taken when the view was called (failure messages leave out the
 * servlet specification's and the container's own attributes). While it is open, a no-op
 * receiver is connected to {@code template_rendered}, because the filter builds the payload only
 * when someone listens.
 *
 * <p>Needs {@code signals.servlet} on the module path or class path; the rest of
 * {@code signals.test} does not.
 *
 * @since 0.1
 */
public final class RenderedViews implements AutoCloseable {

    private static final Pattern CONTAINER_NAMES =
            Pattern.compile("jakarta\\.|javax\\.|org\\.eclipse\\.jetty\\.|org\\.apache\\.(catalina|tomcat)\\.|io\\.undertow\\.");

    private final SignalRecorder recorder;

    private RenderedViews(SignalRecorder recorder) {
        this.recorder = recorder;
    }

    /**
     * Starts capturing the views rendered from now on, in any thread.
     *
     * @return the open capture
     * @throws IllegalStateException if {@code signals.servlet} is absent
     */
    public static RenderedViews capture() {
        ServletPresence.require();
        // The recorder is a send observer, which the filter counts as a listener
        // (HostEvent.isHeard): no receiver needs connecting.
        return new RenderedViews(SignalRecorder.everywhere(RequestSignals.TEMPLATE_RENDERED));
    }

    /**
     * Lists the views rendered, by path, in the order they were called; a view rendered twice
     * appears twice.
     *
     * @return the paths, such as {@code "/WEB-INF/views/order.jsp"}
     */
    public List<String> templates() {
        List<String> templates = new ArrayList<>();
        for (TemplateRendered rendered : rendered()) {
            templates.add(rendered.template());
        }
        return templates;
    }

    /**
     * Lists each rendered view's context, in the same order as {@link #templates()}.
     *
     * @return the contexts, each an unmodifiable copy
     */
    public List<Map<String, Object>> contexts() {
        List<Map<String, Object>> contexts = new ArrayList<>();
        for (TemplateRendered rendered : rendered()) {
            contexts.add(rendered.context());
        }
        return contexts;
    }

    /**
     * Looks a name up in the contexts, first view first, as Django's {@code response.context[name]}
     * does.
     *
     * @param name the attribute's name, not null
     * @return the value in the first context that has the name
     * @throws AssertionFailedError if no context has it; the message lists the views and their names
     */
    public Object context(String name) {
        for (TemplateRendered rendered : rendered()) {
            Object value = rendered.context().get(name);
            if (value != null) {
                return value;
            }
        }
        throw new AssertionFailedError("No rendered view had [" + name + "] in its context. " + describe());
    }

    /**
     * Asserts that a view was rendered: Django's {@code assertTemplateUsed}.
     *
     * @param template the view's path, not null
     * @throws AssertionFailedError otherwise, naming the views that were rendered
     */
    public void assertTemplateUsed(String template) {
        List<String> used = templates();
        if (used.isEmpty()) {
            throw new AssertionFailedError("No templates used to render the response");
        }
        if (!used.contains(template)) {
            throw new AssertionFailedError("Template '" + template + "' was not a template used to render the response. "
                    + "Actual template(s) used: " + String.join(", ", used), template, used);
        }
    }

    /**
     * Asserts how many times a view was rendered: Django's {@code assertTemplateUsed(count=...)}.
     *
     * @param template the view's path, not null
     * @param count the expected number of renders
     * @throws AssertionFailedError otherwise
     */
    public void assertTemplateUsed(String template, int count) {
        long actual = templates().stream().filter(template::equals).count();
        if (actual != count) {
            throw new AssertionFailedError("Template '" + template + "' was expected to be rendered " + count
                    + " time(s) but was actually rendered " + actual + " time(s). " + describe(), count, actual);
        }
    }

    /**
     * Asserts that a view was not rendered: Django's {@code assertTemplateNotUsed}.
     *
     * @param template the view's path, not null
     * @throws AssertionFailedError if it was
     */
    public void assertTemplateNotUsed(String template) {
        if (templates().contains(template)) {
            throw new AssertionFailedError("Template '" + template + "' was used unexpectedly in rendering the response");
        }
    }

    /** Forgets the views captured so far. */
    public void clear() {
        recorder.clear();
    }

    /** Stops capturing; what was captured stays readable. Closing twice does nothing. */
    @Override
    public void close() {
        recorder.close();
    }

    @Override
    public String toString() {
        return "RenderedViews" + templates();
    }

    private List<TemplateRendered> rendered() {
        return recorder.payloads(RequestSignals.TEMPLATE_RENDERED);
    }

    private String describe() {
        List<TemplateRendered> all = rendered();
        if (all.isEmpty()) {
            return "No view was rendered.";
        }
        StringBuilder text = new StringBuilder("Views rendered:");
        for (TemplateRendered rendered : all) {
            text.append("\n  ").append(rendered.template()).append(' ').append(applicationNames(rendered.context()));
        }
        return text.toString();
    }

    // Messages show the application's names; the dispatch attributes of the servlet spec and the
    // container's own would bury them.
    private static List<String> applicationNames(Map<String, Object> context) {
        List<String> names = new ArrayList<>();
        for (String name : new TreeSet<>(context.keySet())) {
            if (!CONTAINER_NAMES.matcher(name).lookingAt()) {
                names.add(name);
            }
        }
        return names;
    }
}
