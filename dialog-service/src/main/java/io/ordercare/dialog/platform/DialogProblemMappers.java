package io.ordercare.dialog.platform;

import io.ordercare.dialog.conversation.ConversationService;
import io.ordercare.dialog.customer.IdentityService;
import io.ordercare.dialog.order.CallFailure;
import io.ordercare.platform.Problems;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** This service's problems as problem+json; the shared ones are mapped by {@link io.ordercare.platform.ProblemMappers}. */
public class DialogProblemMappers {

    @Inject
    Problems problems;

    @ServerExceptionMapper
    public Response notFound(NotFoundException e, HttpHeaders headers, UriInfo uri) {
        return problems.response(404, e.code(), headers, uri, e.id());
    }

    @ServerExceptionMapper
    public Response mismatch(ConversationService.ConversationMismatchException e, HttpHeaders headers, UriInfo uri) {
        return problems.response(409, "conversation-mismatch", headers, uri, e.conversationId);
    }

    @ServerExceptionMapper
    public Response undone(IdentityService.MergeUndoneException e, HttpHeaders headers, UriInfo uri) {
        return problems.response(409, "merge-undone", headers, uri, e.id);
    }

    @ServerExceptionMapper
    public Response campaignState(io.ordercare.dialog.campaign.Campaigns.CampaignStateException e, HttpHeaders headers,
            UriInfo uri) {
        return problems.response(409, "campaign-" + e.code, headers, uri, e.campaign.id,
                "stale-version".equals(e.code) ? e.campaign.version : e.campaign.status);
    }

    /** A dependency failed outside a dialog (the dialogs answer such failures themselves). */
    @ServerExceptionMapper
    public Response unavailable(CallFailure e, HttpHeaders headers, UriInfo uri) {
        return problems.response(503, "dependency-unavailable", headers, uri);
    }
}
