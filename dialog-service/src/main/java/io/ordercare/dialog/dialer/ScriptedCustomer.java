package io.ordercare.dialog.dialer;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * A customer following a script, for tests: the pickup of each attempt (the last one repeats, ANSWER when none
 * is given) and the replies in order, across all calls to the number; once they run out, silence. What the robot
 * asked is kept ({@link #heard()}).
 *
 * <pre>{@code
 * simulator.register("+8613800000001", ScriptedCustomer.picking(List.of(Pickup.NO_ANSWER, Pickup.ANSWER),
 *         Reply.say("是的，我是"), Reply.garbled(), Reply.dtmf("1")));
 * }</pre>
 */
public final class ScriptedCustomer implements SimulatedCustomer {

    /** A question the customer was asked. */
    public record Question(String step, String lang, String prompt, int turn) {
    }

    private final List<Pickup> pickups;
    private final Queue<Reply> replies;
    private final List<Question> heard = Collections.synchronizedList(new ArrayList<>());

    public ScriptedCustomer(List<Pickup> pickups, List<Reply> replies) {
        this.pickups = List.copyOf(pickups);
        this.replies = new ConcurrentLinkedQueue<>(replies);
    }

    /** Answers every call and gives these replies. */
    public static ScriptedCustomer answering(Reply... replies) {
        return new ScriptedCustomer(List.of(), List.of(replies));
    }

    /** The attempts go as {@code pickups} say (the last repeats); the answered ones get these replies. */
    public static ScriptedCustomer picking(List<Pickup> pickups, Reply... replies) {
        return new ScriptedCustomer(pickups, List.of(replies));
    }

    @Override
    public Pickup pickup(int attempt) {
        if (pickups.isEmpty()) {
            return Pickup.ANSWER;
        }
        return pickups.get(Math.min(Math.max(attempt, 1), pickups.size()) - 1);
    }

    @Override
    public Reply reply(String step, String lang, String prompt, int turn) {
        heard.add(new Question(step, lang, prompt, turn));
        Reply next = replies.poll();
        return next == null ? Reply.silence() : next;
    }

    /** The questions asked so far, in order. */
    public List<Question> heard() {
        synchronized (heard) {
            return List.copyOf(heard);
        }
    }

    /** Replies not given yet. */
    public int remaining() {
        return replies.size();
    }
}
