package signals.core;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;

/**
 * What happens to a responder's {@link CompletionStage}: the asynchronous sends follow it, the
 * blocking sends wait for it, as Django's {@code send} drives an {@code async def} receiver to
 * completion.
 */
final class Stages {

    private Stages() {
    }

    /**
     * Follows a stage without calling {@code toCompletableFuture()}, which a stage of another
     * library may not support.
     */
    static CompletableFuture<Object> follow(CompletionStage<?> stage) {
        CompletableFuture<Object> outcome = new CompletableFuture<>();
        stage.whenComplete((value, failure) -> {
            if (failure == null) {
                outcome.complete(value);
            } else {
                outcome.completeExceptionally(failure);
            }
        });
        return outcome;
    }

    /**
     * A responder's answer as a blocking send replies with it: a stage is waited for in this
     * thread, and its failure is thrown as if the responder had thrown it.
     *
     * @throws InterruptedException if this thread is interrupted while it waits
     */
    static Object await(Object answer) throws Exception {
        if (!(answer instanceof CompletionStage)) {
            return answer;
        }
        try {
            return follow((CompletionStage<?>) answer).get();
        } catch (ExecutionException e) {
            Throwable failure = e.getCause();
            if (failure instanceof Exception) {
                throw (Exception) failure;
            }
            if (failure instanceof Error) {
                throw (Error) failure;
            }
            throw e;
        }
    }
}
