package io.ordercare.routing.platform;

import io.ordercare.stack.RealStackTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;

/**
 * Every test of this service runs against the real Kafka broker and PostgreSQL of the shared test
 * stack, started once per test JVM ({@code restrictToAnnotatedClass = false} applies it to all
 * {@code @QuarkusTest}s, so they share one Quarkus start).
 */
@QuarkusTestResource(value = RealStackTestResource.class, restrictToAnnotatedClass = false, initArgs = {
        @ResourceArg(name = "database", value = "routing"),
        @ResourceArg(name = "topics", value = "dialog.events,dialog.events.dlq,routing.events") })
public final class RealStack {

    private RealStack() {
    }
}
