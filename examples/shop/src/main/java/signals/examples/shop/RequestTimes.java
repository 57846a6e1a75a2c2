package signals.examples.shop;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** How long each web request took, as the receivers measured it. */
public final class RequestTimes {

    /**
     * One timed request.
     *
     * @param request the method and path, such as {@code "GET /orders/1"}
     * @param elapsed from request_started to request_finished
     */
    public record Timing(String request, Duration elapsed) {
    }

    private static final List<Timing> TIMINGS = new CopyOnWriteArrayList<>();

    private RequestTimes() {
    }

    /**
     * Records a request's time.
     *
     * @param request the method and path
     * @param elapsed how long it took
     */
    public static void record(String request, Duration elapsed) {
        TIMINGS.add(new Timing(request, elapsed));
    }

    /**
     * Every timing recorded so far, oldest first.
     *
     * @return a snapshot
     */
    public static List<Timing> timings() {
        return List.copyOf(TIMINGS);
    }
}
