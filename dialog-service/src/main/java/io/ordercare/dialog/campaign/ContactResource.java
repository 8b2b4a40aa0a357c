package io.ordercare.dialog.campaign;

import io.ordercare.dialog.campaign.contact.BestTimeModel;
import io.ordercare.dialog.campaign.contact.HourRate;
import io.ordercare.dialog.customer.Identity;
import io.ordercare.platform.InvalidRequestException;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The customers' contact preferences (do-not-call, preferred channel for news), the contacts made about an order,
 * and what the calls taught: the answer rate by local hour and the satisfaction survey's answers.
 */
@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
public class ContactResource {

    @Inject
    ContactBook contacts;

    @Inject
    CallTasks tasks;

    @Inject
    Pool pool;

    @Inject
    Clock clock;

    public record PreferenceView(String phone, boolean doNotCall, String preferredChannel, String reason, Instant updatedAt) {
        static PreferenceView of(ContactBook.Preference p) {
            return new PreferenceView(CallTask.mask(p.phone()), p.doNotCall(), p.preferredChannel(), p.reason(), p.updatedAt());
        }
    }

    public record DoNotCall(String reason) {
    }

    public record Channel(String channel) {
    }

    public record SurveySummary(long answers, Double averageScore, Map<Integer, Long> byScore, List<Comment> latest) {
    }

    public record Comment(String orderId, int score, String comment, String lang, Instant at) {
    }

    @GET
    @Path("/contacts/{phone}")
    @Operation(summary = "A customer's contact preferences (phone in E.164, a Chinese mobile without +86 accepted)")
    public Uni<PreferenceView> preference(@PathParam("phone") String phone) {
        return contacts.preference(phone(phone)).map(PreferenceView::of);
    }

    @PUT
    @Path("/contacts/{phone}/do-not-call")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Never call this number (contacts due are ended as DO_NOT_CALL; messages still go out)")
    public Uni<PreferenceView> doNotCall(@PathParam("phone") String phone, DoNotCall body) {
        String reason = body == null || body.reason() == null ? "requested" : body.reason();
        if (reason.length() > 200) {
            throw InvalidRequestException.of("reason", "too_long");
        }
        return contacts.setDoNotCall(phone(phone), true, reason, clock.instant()).map(PreferenceView::of);
    }

    @DELETE
    @Path("/contacts/{phone}/do-not-call")
    public Uni<PreferenceView> mayCall(@PathParam("phone") String phone) {
        return contacts.setDoNotCall(phone(phone), false, null, clock.instant()).map(PreferenceView::of);
    }

    @PUT
    @Path("/contacts/{phone}/preferred-channel")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "How the customer wants news (parcel alerts): CALL or MESSAGE")
    public Uni<PreferenceView> preferredChannel(@PathParam("phone") String phone, Channel body) {
        String channel = body == null || body.channel() == null ? "" : body.channel().strip().toUpperCase();
        if (!CallTask.CALL.equals(channel) && !CallTask.MESSAGE.equals(channel)) {
            throw InvalidRequestException.of("channel", "invalid_value");
        }
        return contacts.setPreferredChannel(phone(phone), channel, clock.instant()).map(PreferenceView::of);
    }

    @GET
    @Path("/orders/{orderId}/contacts")
    @Operation(summary = "Every contact about an order: why, how, how it ended (phone masked)")
    public Uni<List<CampaignResource.ContactView>> ofOrder(@PathParam("orderId") String orderId) {
        return tasks.ofOrder(orderId).map(l -> l.stream().map(CampaignResource.ContactView::of).toList());
    }

    @GET
    @Path("/calls/answer-rate-by-hour")
    @Operation(summary = "Calls placed and answered by a person, per local hour of the customer, over all customers")
    public Uni<List<HourRate>> answerRate() {
        contacts.refresh();
        return contacts.population(clock.instant()).map(BestTimeModel::answerRateByHour);
    }

    @GET
    @Path("/surveys/summary")
    @Operation(summary = "Satisfaction survey answers: count, average, per score, the latest comments")
    public Uni<SurveySummary> surveys() {
        return pool.query("select score, count(*) as n from survey_answer where score is not null group by score").execute()
                .chain(scores -> pool.query("select order_id, score, comment, lang, at from survey_answer "
                        + "where comment <> '' order by at desc limit 10").execute().map(latest -> {
                            Map<Integer, Long> byScore = new LinkedHashMap<>();
                            long n = 0;
                            long sum = 0;
                            for (Row r : scores) {
                                byScore.put(r.getInteger("score"), r.getLong("n"));
                                n += r.getLong("n");
                                sum += r.getLong("n") * r.getInteger("score");
                            }
                            List<Comment> comments = new ArrayList<>();
                            for (Row r : latest) {
                                comments.add(new Comment(r.getString("order_id"), r.getInteger("score"), r.getString("comment"),
                                        r.getString("lang"), r.getOffsetDateTime("at").toInstant()));
                            }
                            return new SurveySummary(n, n == 0 ? null : (double) sum / n, byScore, comments);
                        }));
    }

    private static String phone(String raw) {
        return Identity.phone(raw).map(Identity::value).orElseThrow(() -> InvalidRequestException.of("phone", "invalid_phone"));
    }
}
