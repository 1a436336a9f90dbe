package dev.assay.judge;

import java.time.Duration;

/** Waits between two calls; tests record the waits instead of waiting. */
@FunctionalInterface
interface Sleeper {
    Sleeper REAL = duration -> Thread.sleep(duration);

    void sleep(Duration duration) throws InterruptedException;
}
