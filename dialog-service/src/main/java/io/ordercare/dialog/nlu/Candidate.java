package io.ordercare.dialog.nlu;

import java.util.List;

/**
 * An entity proposed by one rule, before overlaps are resolved. Lower {@code priority} wins an overlap (then the
 * longer span): an address keeps its house number from being read as a quantity, an amount keeps its digits from
 * being read as an order number.
 */
record Candidate(String type, String value, int start, int end, int priority) {

    static final int ADDRESS = 10;
    static final int PHONE_LAST4 = 20;
    static final int AMOUNT = 30;
    static final int DATE = 40;
    static final int ORDER_MARKED = 45;
    static final int PHONE = 50;
    static final int ORDER_PLAIN = 55;
    static final int SIZE = 60;
    static final int COLOUR = 70;
    static final int QUANTITY = 80;

    Entity toEntity() {
        return new Entity(type, value, start, end);
    }

    boolean overlaps(Candidate o) {
        return start < o.end && o.start < end;
    }

    static void add(List<Candidate> out, String type, String value, int start, int end, int priority) {
        if (value != null && !value.isEmpty() && start < end) {
            out.add(new Candidate(type, value, start, end, priority));
        }
    }
}
