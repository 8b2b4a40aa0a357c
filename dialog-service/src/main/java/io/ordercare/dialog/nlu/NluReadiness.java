package io.ordercare.dialog.nlu;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Readiness: the service understands nothing until the NLU models are loaded. */
@Readiness
@ApplicationScoped
public class NluReadiness implements HealthCheck {

    @Inject
    Nlu nlu;

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("nlu").status(nlu.ready()).build();
    }
}
