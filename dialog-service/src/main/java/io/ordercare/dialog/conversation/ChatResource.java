package io.ordercare.dialog.conversation;

import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** Web chat, app and social adapters that prefer a request/response call to Kafka. */
@Path("/api/chat")
public class ChatResource {

    @Inject
    ConversationService conversations;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "One customer message; returns the assistant's replies, the intent understood and whether a person has taken over")
    @APIResponse(responseCode = "200", description = "Answered (replies empty while a person owns the conversation)")
    @APIResponse(responseCode = "400", description = "Invalid message: every invalid field listed (problem+json, en/zh)")
    @APIResponse(responseCode = "409", description = "The conversation id belongs to another customer or channel")
    public Uni<ConversationService.Answer> chat(ChatRequest request) {
        if (request == null) {
            throw io.ordercare.platform.InvalidRequestException.of("body", "required");
        }
        return conversations.handle(request.validate(false));
    }
}
