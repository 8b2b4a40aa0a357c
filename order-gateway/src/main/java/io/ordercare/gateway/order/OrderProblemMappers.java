package io.ordercare.gateway.order;

import io.ordercare.gateway.inbound.MalformedPayloadException;
import io.ordercare.gateway.ingest.InvalidOrderException;
import io.ordercare.platform.FieldError;
import io.ordercare.platform.Problems;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Locale;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The order problems as {@code application/problem+json} in the caller's language (English or Chinese
 * by Accept-Language); the shared ones (invalid request, malformed JSON, internal) are mapped by
 * {@link io.ordercare.platform.ProblemMappers}.
 */
public class OrderProblemMappers {

    @Inject
    Problems problems;

    @ServerExceptionMapper
    public Response notFound(OrderNotFoundException e, HttpHeaders headers, UriInfo uri) {
        return problems.response(404, "order-not-found", headers, uri, e.orderId());
    }

    @ServerExceptionMapper
    public Response itemNotFound(OrderItemNotFoundException e, HttpHeaders headers, UriInfo uri) {
        return problems.response(404, "item-not-found", headers, uri, e.orderId(), String.valueOf(e.itemId()));
    }

    @ServerExceptionMapper
    public Response outOfStock(OutOfStockException e, HttpHeaders headers, UriInfo uri) {
        return problems.response(409, "out-of-stock", headers, uri, e.sku(), e.available(), e.needed());
    }

    @ServerExceptionMapper
    public Response conflict(VersionConflictException e, HttpHeaders headers, UriInfo uri) {
        return problems.response(409, "version-conflict", headers, uri, e.orderId(), e.expected(), e.actual());
    }

    @ServerExceptionMapper
    public Response state(OrderStateException e, HttpHeaders headers, UriInfo uri) {
        Locale l = problems.locale(headers);
        String action = problems.text(l, "action." + e.action(), e.target() == null ? "" : e.target().name());
        return problems.response(409, "order-state", l, uri, null, e.orderId(), e.status().name(), action);
    }

    @ServerExceptionMapper
    public Response invalidOrder(InvalidOrderException e, HttpHeaders headers, UriInfo uri) {
        Locale l = problems.locale(headers);
        return problems.response(400, "invalid-order", l, uri, e.violations().stream()
                .map(v -> problems.fieldError(l, new FieldError(v.field(), v.code(), v.rejectedValue()))).toList());
    }

    @ServerExceptionMapper
    public Response malformed(MalformedPayloadException e, HttpHeaders headers, UriInfo uri) {
        return problems.response(400, "malformed-json", headers, uri);
    }
}
