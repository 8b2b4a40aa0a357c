package io.ordercare.logistics.platform;

import io.ordercare.stack.OffsetClock;
import jakarta.enterprise.context.ApplicationScoped;

/** The shared test clock ({@link OffsetClock}) as this service's Clock bean; tests move it forward. */
@ApplicationScoped
public class TestClock extends OffsetClock {
}
