package io.ordercare.platform;

import com.fasterxml.jackson.core.JsonProcessingException;
import jakarta.inject.Inject;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Locale;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The failures every service maps the same way, as {@code application/problem+json} in the caller's
 * language. A client never sees a stack trace; an unexpected failure is logged with a reference the
 * client also gets. Services add mappers for their own exceptions next to their resources.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @Inject
    Problems problems;

    @ServerExceptionMapper
    public Response invalidRequest(InvalidRequestException e, HttpHeaders headers, UriInfo uri) {
        Locale l = problems.locale(headers);
        return problems.response(400, "invalid-request", l, uri,
                e.errors().stream().map(v -> problems.fieldError(l, v)).toList());
    }

    @ServerExceptionMapper
    public Response malformedBody(JsonProcessingException e, HttpHeaders headers, UriInfo uri) {
        return problems.response(400, "malformed-json", headers, uri);
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, HttpHeaders headers, UriInfo uri) {
        if (e.getCause() instanceof JsonProcessingException) {
            // Quarkus REST reports a body it could not read as a plain 400
            return problems.response(400, "malformed-json", headers, uri);
        }
        Response r = e.getResponse();
        if (r.hasEntity() || r.getStatus() < 400) {
            return r;
        }
        // routing errors (404 of an unknown path, 405, 415 ...) keep their status, as a problem
        return problems.response(r.getStatus(), "http-error", problems.locale(headers), uri, null, r.getStatus(),
                r.getStatusInfo().getReasonPhrase());
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e, HttpHeaders headers, UriInfo uri) {
        String ref = UUID.randomUUID().toString();
        LOG.errorf(e, "unexpected failure on %s (reference %s)", uri.getPath(), ref);
        return problems.response(500, "internal", headers, uri, ref);
    }
}
