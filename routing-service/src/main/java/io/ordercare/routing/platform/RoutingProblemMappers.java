package io.ordercare.routing.platform;

import io.ordercare.platform.Problems;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Locale;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The routing problems as {@code application/problem+json} in the caller's language; invalid requests,
 * malformed JSON and unexpected failures are mapped by {@link io.ordercare.platform.ProblemMappers}.
 */
public class RoutingProblemMappers {

    @Inject
    Problems problems;

    @ServerExceptionMapper
    public Response notFound(NotFoundException e, HttpHeaders headers, UriInfo uri) {
        Locale l = problems.locale(headers);
        return problems.response(404, "not-found", l, uri, null, problems.text(l, "kind." + e.kind()), e.id());
    }

    @ServerExceptionMapper
    public Response state(StateConflictException e, HttpHeaders headers, UriInfo uri) {
        Locale l = problems.locale(headers);
        return problems.response(409, "state-conflict", l, uri, null, problems.text(l, "kind." + e.kind()), e.id(),
                e.status(), problems.text(l, "action." + e.action()));
    }

    @ServerExceptionMapper
    public Response version(VersionConflictException e, HttpHeaders headers, UriInfo uri) {
        Locale l = problems.locale(headers);
        return problems.response(409, "version-conflict", l, uri, null, problems.text(l, "kind." + e.kind()), e.id(),
                e.expected());
    }

    @ServerExceptionMapper
    public Response capacity(NoCapacityException e, HttpHeaders headers, UriInfo uri) {
        return problems.response(409, "no-capacity", headers, uri, e.agentId(), e.channel());
    }
}
