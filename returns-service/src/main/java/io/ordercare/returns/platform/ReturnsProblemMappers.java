package io.ordercare.returns.platform;

import io.ordercare.platform.Problems;
import io.ordercare.returns.order.OrderNotFoundException;
import io.ordercare.returns.order.OrderUnavailableException;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** This service's problems as problem+json; the shared ones are mapped by {@link io.ordercare.platform.ProblemMappers}. */
public class ReturnsProblemMappers {

    @Inject
    Problems problems;

    @ServerExceptionMapper
    public Response refusal(Refusal e, HttpHeaders headers, UriInfo uri) {
        return problems.response(e.kind().http, e.code(), headers, uri, e.args());
    }

    @ServerExceptionMapper
    public Response orderNotFound(OrderNotFoundException e, HttpHeaders headers, UriInfo uri) {
        return problems.response(404, "order-not-found", headers, uri, e.orderId());
    }

    @ServerExceptionMapper
    public Response orderUnavailable(OrderUnavailableException e, HttpHeaders headers, UriInfo uri) {
        return problems.response(503, "order-gateway-unavailable", headers, uri);
    }
}
