package io.ordercare.dialog.scenario;

import java.util.List;
import java.util.Map;

/**
 * A conversation script of one flow in one language ({@code src/test/resources/scenarios/<flow>.<lang>.yaml}): the
 * order(s) the customer has, how the channel knows them, what they say, and what the bot must answer and do.
 *
 * @param customer how the channel names the customer: phone, platform or email
 * @param expect   effects once the script is done: the order's fields (JSON paths of order-gateway's order), an
 *                 event type on order.changes for it, a handoff request on dialog.events
 */
public record Scenario(String name, String flow, String lang, Fixture order, String customer, String channel,
        List<Step> steps, Expect expect) {

    /** The fixture payload, the status it is moved to, how many orders the customer has. */
    public record Fixture(String fixture, String status, Integer count) {
    }

    /**
     * One customer line. {@code before}: something that happens first (touchedByAgent: an agent changes the order,
     * so the version the customer saw is stale). Placeholders: {number}, {number2}, {last4}, {wrongLast4}.
     */
    public record Step(String say, String before, String intent, List<String> replyContains,
            List<String> replyNotContains, Boolean handedOff, Boolean silent) {
    }

    public record Expect(Map<String, String> order, String orderEvent, Boolean handoff, Boolean verified) {
    }
}
