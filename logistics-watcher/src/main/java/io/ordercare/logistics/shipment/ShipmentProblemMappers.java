package io.ordercare.logistics.shipment;

import io.ordercare.platform.Problems;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** The shipment problems as problem+json; the shared ones are mapped by {@link io.ordercare.platform.ProblemMappers}. */
public class ShipmentProblemMappers {

    @Inject
    Problems problems;

    @ServerExceptionMapper
    public Response notFound(ShipmentNotFoundException e, HttpHeaders headers, UriInfo uri) {
        return problems.response(404, "shipment-not-found", headers, uri, e.key());
    }
}
