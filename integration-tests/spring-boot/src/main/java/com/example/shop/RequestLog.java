package com.example.shop;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.stereotype.Component;
import signals.core.ReceiverProvider;
import signals.core.SignalBinding;
import signals.servlet.RequestSignals;

/** Logs each request's start, end and failure: a bean that declares several receivers at once. */
@Component
public class RequestLog implements ReceiverProvider {

    private final List<String> lines = new CopyOnWriteArrayList<>();

    @Override
    public List<SignalBinding<?>> receivers() {
        return List.of(
                SignalBinding.receiver(RequestSignals.REQUEST_STARTED, (signal, sender, started) ->
                        lines.add("started " + started.request().getRequestURI())),
                SignalBinding.receiver(RequestSignals.GOT_REQUEST_EXCEPTION, (signal, sender, failed) ->
                        lines.add("failed " + failed.request().getRequestURI() + ": " + rootCause(failed.exception()))),
                SignalBinding.receiver(RequestSignals.REQUEST_FINISHED, (signal, sender, finished) ->
                        lines.add("finished " + finished.request().getRequestURI() + " " + finished.response().getStatus())));
    }

    public List<String> lines() {
        return List.copyOf(lines);
    }

    private static String rootCause(Throwable exception) {
        Throwable root = exception;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getMessage();
    }
}
