package io.ordercare.dialog.nlu;

import java.util.List;

/** The entity types the NLU emits. */
public final class EntityTypes {

    public static final String ORDER_NUMBER = "order_number";
    public static final String PHONE = "phone";
    public static final String PHONE_LAST4 = "phone_last4";
    public static final String ADDRESS = "address";
    public static final String SIZE = "size";
    public static final String COLOUR = "colour";
    public static final String QUANTITY = "quantity";
    public static final String DATE = "date";
    public static final String AMOUNT = "amount";

    public static final List<String> ALL = List.of(ORDER_NUMBER, PHONE, PHONE_LAST4, ADDRESS, SIZE, COLOUR, QUANTITY,
            DATE, AMOUNT);

    private EntityTypes() {
    }
}
