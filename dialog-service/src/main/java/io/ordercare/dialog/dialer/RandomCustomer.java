package io.ordercare.dialog.dialer;

import java.util.Locale;
import java.util.SplittableRandom;

/**
 * A customer drawn at random from a {@link SimulatorProfile}, the simulator's default for every number not
 * registered: picks up or not, then answers each question sensibly for its step and language, with the profile's
 * shares of mis-recognitions, barge-ins (keys or speech at once, counted in {@link #tally()}), corrections and
 * cancellations. Seeded: the same calls in the same order get the same answers. Thread-safe (one lock; a draw is
 * a few nanoseconds).
 */
public final class RandomCustomer implements SimulatedCustomer {

    /** What the customer did so far. */
    public record Tally(long pickups, long replies, long misrecognitions, long bargeIns, long corrections,
            long cancels) {
    }

    static final String NEW_ADDRESS_ZH = "上海市浦东新区世纪大道100号";
    static final String NEW_ADDRESS_EN = "100 Pine St, Seattle, WA 98101";

    private final SimulatorProfile profile;
    private final SplittableRandom random;
    private long pickups;
    private long replies;
    private long misrecognitions;
    private long bargeIns;
    private long corrections;
    private long cancels;

    public RandomCustomer(SimulatorProfile profile) {
        this.profile = profile;
        this.random = new SplittableRandom(profile.seed());
    }

    public SimulatorProfile profile() {
        return profile;
    }

    @Override
    public synchronized Pickup pickup(int attempt) {
        pickups++;
        double r = random.nextDouble();
        if ((r -= profile.failed()) < 0) {
            return Pickup.FAILED;
        }
        if ((r -= profile.busy()) < 0) {
            return Pickup.BUSY;
        }
        if ((r -= profile.noAnswer()) < 0) {
            return Pickup.NO_ANSWER;
        }
        if ((r -= profile.machine()) < 0) {
            return Pickup.MACHINE;
        }
        return Pickup.ANSWER;
    }

    @Override
    public synchronized Reply reply(String step, String lang, String prompt, int turn) {
        replies++;
        boolean zh = lang != null && lang.toLowerCase(Locale.ROOT).startsWith("zh");
        if (chance(profile.misrecognition())) {
            misrecognitions++;
            return Reply.garbled(zh ? "zh" : "en");
        }
        boolean bargeIn = chance(profile.bargeIn());
        if (bargeIn) {
            bargeIns++;
        }
        return switch (step == null ? "" : step) {
            case "identity" -> speech(zh, "是的，我是", "yes, speaking");
            case "address" -> correction()
                    ? speech(zh, "不对，地址改成" + NEW_ADDRESS_ZH, "no, change it to " + NEW_ADDRESS_EN)
                    : confirm(zh, bargeIn);
            case "items" -> correction() ? speech(zh, "数量改成2件", "make it 2 please") : confirm(zh, bargeIn);
            case "phone", "cod_amount", "fraud_check", "final" -> confirm(zh, bargeIn);
            case "address_new" -> speech(zh, NEW_ADDRESS_ZH, NEW_ADDRESS_EN);
            case "items_change" -> speech(zh, "2件", "two");
            case "stock_choice" -> cancelled() ? speech(zh, "取消", "cancel it")
                    : random.nextBoolean() ? speech(zh, "我等", "I'll wait") : speech(zh, "换一个", "a substitute please");
            case "substitute_choice" -> speech(zh, "第一个", "the first one");
            case "price_consent" -> cancelled() ? speech(zh, "不同意", "no, I don't agree")
                    : speech(zh, "可以", "yes, that's fine");
            case "survey_score" -> Reply.dtmf("5");
            case "survey_comment" -> speech(zh, "很好", "all good");
            default -> speech(zh, "好的", "ok"); // notice and anything else
        };
    }

    /** What the customer did so far. */
    public synchronized Tally tally() {
        return new Tally(pickups, replies, misrecognitions, bargeIns, corrections, cancels);
    }

    /** Yes to a read-back: mostly said, sometimes keyed; always keyed when barging in. */
    private Reply confirm(boolean zh, boolean bargeIn) {
        if (bargeIn || random.nextDouble() < 0.2) {
            return Reply.dtmf("1");
        }
        return speech(zh, "对的", "yes, that's right");
    }

    private boolean correction() {
        if (chance(profile.correction())) {
            corrections++;
            return true;
        }
        return false;
    }

    private boolean cancelled() {
        if (chance(profile.cancel())) {
            cancels++;
            return true;
        }
        return false;
    }

    private Reply speech(boolean zh, String chinese, String english) {
        // recognition of a clear answer: 0.85 to 0.99
        return Reply.say(zh ? chinese : english, Math.round((0.85 + 0.14 * random.nextDouble()) * 100) / 100.0);
    }

    private boolean chance(double share) {
        // no draw for a zero share, so a profile's other behaviours keep their sequence when it is switched off
        return share > 0 && random.nextDouble() < share;
    }
}
