package io.ordercare.gateway.platform;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.ordercare.gateway.ingest.InvalidOrderException;
import io.ordercare.gateway.inbound.MalformedPayloadException;
import io.ordercare.gateway.order.OrderNotFoundException;
import io.ordercare.gateway.order.OrderStateException;
import io.ordercare.gateway.order.VersionConflictException;
import jakarta.inject.Inject;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Turns every failure into {@code application/problem+json} in the caller's language (English or
 * Chinese by Accept-Language). A client never sees a stack trace; an unexpected failure is logged
 * with a reference the client also gets.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @Inject
    Messages messages;

    @ServerExceptionMapper
    public Response notFound(OrderNotFoundException e, HttpHeaders headers, UriInfo uri) {
        Locale l = locale(headers);
        return problem(404, "order-not-found", l, uri, null, e.orderId());
    }

    @ServerExceptionMapper
    public Response conflict(VersionConflictException e, HttpHeaders headers, UriInfo uri) {
        Locale l = locale(headers);
        return problem(409, "version-conflict", l, uri, null, e.orderId(), e.expected(), e.actual());
    }

    @ServerExceptionMapper
    public Response state(OrderStateException e, HttpHeaders headers, UriInfo uri) {
        Locale l = locale(headers);
        String action = messages.get(l, "action." + e.action(), e.target() == null ? "" : e.target().name());
        return problem(409, "order-state", l, uri, null, e.orderId(), e.status().name(), action);
    }

    @ServerExceptionMapper
    public Response invalidOrder(InvalidOrderException e, HttpHeaders headers, UriInfo uri) {
        Locale l = locale(headers);
        return problem(400, "invalid-order", l, uri, e.violations().stream()
                .map(v -> fieldError(l, v.field(), v.code(), v.rejectedValue())).toList());
    }

    @ServerExceptionMapper
    public Response invalidRequest(InvalidRequestException e, HttpHeaders headers, UriInfo uri) {
        Locale l = locale(headers);
        return problem(400, "invalid-request", l, uri, e.errors().stream()
                .map(v -> fieldError(l, v.field(), v.code(), v.rejectedValue())).toList());
    }

    @ServerExceptionMapper
    public Response malformed(MalformedPayloadException e, HttpHeaders headers, UriInfo uri) {
        return problem(400, "malformed-json", locale(headers), uri, null);
    }

    @ServerExceptionMapper
    public Response malformedBody(JsonProcessingException e, HttpHeaders headers, UriInfo uri) {
        return problem(400, "malformed-json", locale(headers), uri, null);
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        // routing errors (404 of an unknown path, 405, 415 ...) keep their status
        return e.getResponse();
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e, HttpHeaders headers, UriInfo uri) {
        String ref = UUID.randomUUID().toString();
        LOG.errorf(e, "unexpected failure on %s (reference %s)", uri.getPath(), ref);
        return problem(500, "internal", locale(headers), uri, null, ref);
    }

    /** One invalid field, its stable code and the sentence for it in the caller's language. */
    private Problem.Error fieldError(Locale l, String field, String code, String rejectedValue) {
        return new Problem.Error(field, code, messages.get(l, "field." + code), rejectedValue);
    }

    private Locale locale(HttpHeaders headers) {
        return messages.pick(headers.getAcceptableLanguages());
    }

    private Response problem(int status, String code, Locale l, UriInfo uri, List<Problem.Error> errors, Object... args) {
        Problem p = Problem.of(code, messages.get(l, code + ".title"), status, messages.get(l, code + ".detail", args),
                uri.getPath(), errors);
        return Response.status(status).type(Problem.MEDIA_TYPE).entity(p).build();
    }
}
