package io.eventpipe.stats.service;

import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

/** Waiting for asynchronous results with their failures rethrown as thrown. */
final class Stages {

    private Stages() {}

    /**
     * The stage's result; a failure is rethrown unwrapped when it is unchecked, e.g. store
     * unavailable. Every stage waited on here is bounded by the driver's request timeout.
     */
    static <T> T join(CompletionStage<T> stage) {
        try {
            return stage.toCompletableFuture().join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }
}
