package io.ordercare.dialog.nlu;

import io.ordercare.platform.FieldError;
import io.ordercare.platform.InvalidRequestException;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The NLU over HTTP, for tools, tests and other channels: one utterance in, what it means out. */
@Path("/api/nlu")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "nlu")
public class NluResource {

    /** Longest utterance accepted; a chat message, not a document. */
    public static final int MAX_TEXT_LENGTH = 2000;

    @Inject
    Nlu nlu;

    /** Body of a parse request. */
    public record ParseRequest(
            @Schema(description = "One customer utterance, Chinese or English, at most 2000 characters",
                    example = "我的订单298765432101到哪了", required = true, maxLength = MAX_TEXT_LENGTH) String text) {
    }

    /** One entity of the response. */
    @Schema(name = "NluEntity")
    public record EntityView(
            @Schema(description = "order_number, phone, phone_last4, address, size, colour, quantity, date or amount",
                    example = "order_number") String type,
            @Schema(description = "Normalised value: digits for phones, yyyy-MM-dd for dates, \"12.50 CNY\" for amounts, "
                    + "S/M/L/XL/XXL or a number for sizes, an integer for quantities, the text for addresses and colours",
                    example = "298765432101") String value,
            @Schema(description = "Offset of the first character in text", example = "4") int start,
            @Schema(description = "Offset after the last character (exclusive)", example = "16") int end) {
    }

    /** The response. */
    @Schema(name = "NluParseResult")
    public record ParseResponse(
            @Schema(description = "order_status, delivery_time, change_address, change_items, cancel_order, payment_issue, "
                    + "return_request, exchange_request, refund_status, price_protection, complaint, human_agent, confirm, "
                    + "deny, greeting, thanks or unknown", example = "order_status") String intent,
            @Schema(description = "Calibrated probability of the intent (for unknown: that it is none of the others)",
                    example = "0.93") double confidence,
            @Schema(description = "zh or en", example = "zh") String lang,
            List<EntityView> entities,
            @Schema(description = "-1 angry .. 1 happy", example = "0.0") double sentiment) {

        static ParseResponse of(NluResult r) {
            return new ParseResponse(r.intent(), r.confidence(), r.lang(),
                    r.entities().stream().map(e -> new EntityView(e.type(), e.value(), e.start(), e.end())).toList(),
                    r.sentiment());
        }
    }

    @POST
    @Path("/parse")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Understand one utterance",
            description = "Intent with a calibrated confidence (unknown below the threshold or out of domain), language, "
                    + "entities with character offsets, and sentiment. Relative dates (明天, Friday) are resolved against "
                    + "today in Asia/Shanghai. Takes a few milliseconds.")
    @APIResponse(responseCode = "200", description = "What the utterance means")
    @APIResponse(responseCode = "400", description = "text missing, blank (code required) or longer than 2000 characters "
            + "(code too_long); problem+json with field errors")
    public ParseResponse parse(ParseRequest request) {
        String text = request == null ? null : request.text();
        if (text == null || text.isBlank()) {
            throw new InvalidRequestException(List.of(new FieldError("text", "required", null)));
        }
        if (text.length() > MAX_TEXT_LENGTH) {
            // the rejected value is not echoed: it is customer text
            throw new InvalidRequestException(List.of(new FieldError("text", "too_long", null)));
        }
        return ParseResponse.of(nlu.parse(text));
    }
}
