package io.ordercare.dialog.conversation;

import io.ordercare.dialog.platform.NotFoundException;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** A conversation and its transcript, for agents and audits. */
@Path("/api/conversations")
public class ConversationResource {

    public record TurnView(int seq, String speaker, String text, String intent, Double confidence, Instant at) {
    }

    public record ConversationView(String id, String channel, String profileId, String lang, String owner,
            String handoffId, boolean verified, Instant createdAt, Instant updatedAt, long version, List<TurnView> turns) {
    }

    @GET
    @Path("/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    @WithSession
    @Operation(summary = "A conversation with every turn, oldest first")
    public Uni<ConversationView> get(@PathParam("id") String id) {
        return Conversation.<Conversation>findById(id).chain(c -> {
            if (c == null) {
                return Uni.createFrom().failure(new NotFoundException("conversation-not-found", id));
            }
            return Turn.<Turn>find("conversationId = ?1 order by seq", id).list().map(turns -> new ConversationView(c.id,
                    c.channel, c.profileId.toString(), c.lang, c.owner.name(), c.handoffId, c.verified, c.createdAt,
                    c.updatedAt, c.version, turns.stream().map(t -> new TurnView(t.seq, t.speaker, t.text, t.intent,
                            t.confidence, t.at)).toList()));
        });
    }
}
