package io.ordercare.gateway.cdc;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Not ready while the change stream is down: other services would miss what this one commits. */
@Readiness
@ApplicationScoped
public class CdcHealthCheck implements HealthCheck {

    @Inject
    CdcEngine engine;

    @Inject
    CdcConfig config;

    @Override
    public HealthCheckResponse call() {
        if (!config.enabled()) {
            return HealthCheckResponse.named("cdc").up().withData("enabled", false).build();
        }
        var builder = HealthCheckResponse.named("cdc").status(engine.isRunning()).withData("slot", config.slotName());
        if (engine.failure() != null) {
            builder.withData("failure", String.valueOf(engine.failure().getMessage()));
        }
        return builder.build();
    }
}
