package io.ordercare.dialog.customer;

import io.ordercare.dialog.conversation.Conversation;
import io.ordercare.dialog.platform.NotFoundException;
import io.ordercare.platform.InvalidRequestException;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Customers as the assistant knows them: a profile with its channel identities (masked), the conversations of it
 * and of the profiles merged into it (one history), and its merges, each of which a person can undo.
 */
@Path("/api/customers")
public class CustomerResource {

    public record IdentityView(String kind, String value) {
    }

    public record MergeView(String id, String fromProfile, String intoProfile, String evidence, Instant mergedAt,
            Instant undoneAt, String undoneBy) {
        static MergeView of(IdentityMerge m) {
            return new MergeView(m.id.toString(), m.fromProfile.toString(), m.intoProfile.toString(), m.evidence,
                    m.mergedAt, m.undoneAt, m.undoneBy);
        }
    }

    public record ProfileView(String id, String gatewayCustomerId, String mergedInto, List<IdentityView> identities,
            List<String> conversations, List<MergeView> merges) {
    }

    public record UndoRequest(String actor) {
    }

    @Inject
    IdentityService identities;

    @GET
    @Path("/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    @WithSession
    @Operation(summary = "A customer profile: identities (masked), conversations (of merged profiles too), merges")
    public Uni<ProfileView> get(@PathParam("id") String id) {
        UUID profileId = uuid(id);
        return CustomerProfile.<CustomerProfile>findById(profileId).chain(p -> {
            if (p == null) {
                return Uni.createFrom().failure(new NotFoundException("customer-not-found", id));
            }
            return IdentityMerge.<IdentityMerge>list("intoProfile = ?1 or fromProfile = ?1 order by mergedAt", p.id)
                    .chain(merges -> {
                        List<UUID> profiles = new ArrayList<>(List.of(p.id));
                        merges.stream().filter(m -> m.undoneAt == null && m.intoProfile.equals(p.id))
                                .forEach(m -> profiles.add(m.fromProfile));
                        return ChannelIdentity.<ChannelIdentity>list("profileId", p.id)
                                .chain(ids -> Conversation.<Conversation>list("profileId in ?1 order by createdAt", profiles)
                                        .map(convs -> new ProfileView(p.id.toString(), p.gatewayCustomerId,
                                                p.mergedInto == null ? null : p.mergedInto.toString(),
                                                ids.stream().map(i -> new IdentityView(i.kind.name(), i.identity().masked()))
                                                        .toList(),
                                                convs.stream().map(c -> c.id).toList(),
                                                merges.stream().map(MergeView::of).toList())));
                    });
        });
    }

    @POST
    @Path("/merges/{mergeId}/undo")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @WithTransaction
    @Operation(summary = "Undoes a merge: the identities go back to their profile; the two are not merged again by themselves")
    public Uni<MergeView> undo(@PathParam("mergeId") String mergeId, UndoRequest request) {
        if (request == null || request.actor() == null || request.actor().isBlank()) {
            throw InvalidRequestException.of("actor", "required");
        }
        return identities.undo(uuid(mergeId), request.actor().strip()).map(MergeView::of);
    }

    private static UUID uuid(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new NotFoundException("customer-not-found", id);
        }
    }
}
