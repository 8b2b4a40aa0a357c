package io.ordercare.dialog.dialer;

import io.ordercare.dialog.platform.NotFoundException;
import io.ordercare.platform.FieldError;
import io.ordercare.platform.InvalidRequestException;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The telephony simulator's controls, for development and benchmarks: how the default customer behaves and what
 * the simulator saw. Only with {@code ordercare.dialog.dialer=simulator}; otherwise every path answers 404
 * ({@code simulator-not-active}).
 */
@Path("/api/simulator")
@Produces(MediaType.APPLICATION_JSON)
public class SimulatorResource {

    @Inject
    DialerConfig config;

    @Inject
    Instance<TelephonySimulator> simulator;

    @GET
    @Path("/profile")
    @Operation(summary = "How the simulated customers (numbers without a registered customer) behave")
    public SimulatorProfile profile() {
        return simulator().profile();
    }

    @PUT
    @Path("/profile")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Changes how the simulated customers behave: shares 0..1 of noAnswer, busy, machine, failed "
            + "(together at most 1), misrecognition, bargeIn, correction, cancel; and the seed. A missing share is 0")
    public SimulatorProfile configure(SimulatorProfile profile) {
        TelephonySimulator s = simulator();
        if (profile == null) {
            throw InvalidRequestException.of("profile", "required");
        }
        List<FieldError> errors = profile.errors();
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        s.configure(profile);
        return s.profile();
    }

    @GET
    @Path("/stats")
    @Operation(summary = "Calls placed, per pickup and final status, webhook exchanges, HTTP failures, webhook "
            + "latency (mean, p99, max) as the simulator saw it")
    public SimulatorStats stats() {
        return simulator().stats();
    }

    @DELETE
    @Path("/calls")
    @Operation(summary = "Forgets the simulated calls, attempt counts and statistics (e.g. between benchmark runs)")
    public void clear() {
        simulator().clear();
    }

    private TelephonySimulator simulator() {
        if (config.dialer() != DialerConfig.Kind.SIMULATOR) {
            throw new NotFoundException("simulator-not-active", config.dialer().name().toLowerCase(Locale.ROOT));
        }
        return simulator.get();
    }
}
