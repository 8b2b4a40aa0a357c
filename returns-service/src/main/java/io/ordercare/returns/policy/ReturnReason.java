package io.ordercare.returns.policy;

import java.util.Arrays;
import java.util.Optional;

/** Why the customer sends something back. The first four are the seller's fault, the rest the buyer's choice. */
public enum ReturnReason {
    DEFECTIVE,
    WRONG_ITEM,
    DAMAGED_IN_TRANSIT,
    NOT_AS_DESCRIBED,
    SIZE_FIT,
    CHANGED_MIND,
    /** 七天无理由: the statutory no-reason return. */
    NO_REASON;

    public boolean sellerFault() {
        return ordinal() <= NOT_AS_DESCRIBED.ordinal();
    }

    public static Optional<ReturnReason> parse(String s) {
        return Arrays.stream(values()).filter(r -> r.name().equalsIgnoreCase(s == null ? "" : s.strip())).findFirst();
    }
}
