package io.ordercare.dialog.dialer;

/**
 * A customer the telephony simulator calls: whether the phone is picked up on an attempt, and what is answered to
 * each question of the call. Implementations are called from event-loop threads, several calls at once: they
 * must be thread-safe and must not block.
 */
public interface SimulatedCustomer {

    /** What happens on the {@code attempt}-th call (1-based) the simulator places to this number. */
    Pickup pickup(int attempt);

    /**
     * The answer to a question.
     *
     * @param step   the step of the question (the {@code step} query parameter of the Gather's action URL; null
     *               when it has none)
     * @param lang   {@code zh} or {@code en}
     * @param prompt what the robot said before waiting (the Say texts, joined)
     * @param turn   1 for the call's first question, then 2, 3...
     */
    Reply reply(String step, String lang, String prompt, int turn);
}
