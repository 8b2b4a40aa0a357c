package io.ordercare.platform;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;

/**
 * Time comes from one injectable clock, so rules with windows, ages and thresholds are testable
 * without waiting: a test (or a simulator) produces its own {@link Clock} bean and this one steps aside.
 */
@ApplicationScoped
public class ClockProducer {

    @Produces
    @ApplicationScoped
    @DefaultBean
    Clock clock() {
        return Clock.systemUTC();
    }
}
