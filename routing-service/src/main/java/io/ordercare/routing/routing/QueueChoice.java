package io.ordercare.routing.routing;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Which queue a handoff starts in, and which skills make an agent a better pick within it. Order:
 * the caller's explicit queue, then the order category's specialists (fresh food, large appliances),
 * then VIP customers, then the intent (returns, payments, logistics), else general.
 */
public final class QueueChoice {

    public static final String GENERAL = "general";
    public static final String RETURNS = "returns";
    public static final String PAYMENTS = "payments";
    public static final String LOGISTICS = "logistics";
    public static final String FRESH_FOOD = "fresh-food";
    public static final String LARGE_APPLIANCES = "large-appliances";
    public static final String VIP = "vip";
    public static final String FALLBACK = "fallback";

    private QueueChoice() {
    }

    public static String queueFor(String explicitQueue, String category, String intent, CustomerValue value) {
        if (explicitQueue != null && !explicitQueue.isBlank()) {
            return explicitQueue.strip().toLowerCase(Locale.ROOT);
        }
        String specialist = specialistQueue(category);
        if (specialist != null) {
            return specialist;
        }
        if (value == CustomerValue.VIP) {
            return VIP;
        }
        String byIntent = intentQueue(intent);
        return byIntent != null ? byIntent : GENERAL;
    }

    /** fresh / fresh_food go to the fresh-food specialists, large_appliance(s) to the large-appliance ones. */
    public static String specialistQueue(String category) {
        if (category == null) {
            return null;
        }
        return switch (norm(category)) {
            case "fresh", "fresh_food" -> FRESH_FOOD;
            case "large_appliance", "large_appliances" -> LARGE_APPLIANCES;
            default -> null;
        };
    }

    public static String intentQueue(String intent) {
        if (intent == null) {
            return null;
        }
        String i = norm(intent);
        if (i.startsWith("return") || i.startsWith("exchange") || i.startsWith("refund") || i.equals("price_protection")) {
            return RETURNS;
        }
        if (i.startsWith("payment") || i.equals("charged_twice")) {
            return PAYMENTS;
        }
        if (i.equals("order_status") || i.equals("delivery_time") || i.startsWith("shipment") || i.startsWith("logistics")
                || i.equals("where_is_my_order")) {
            return LOGISTICS;
        }
        return null;
    }

    /** Skills that make an agent a better pick even where they are not required (e.g. in general or fallback). */
    public static Set<String> preferredSkills(String category, String intent, CustomerValue value) {
        Set<String> skills = new LinkedHashSet<>();
        String specialist = specialistQueue(category);
        if (FRESH_FOOD.equals(specialist)) {
            skills.add("fresh_food");
        } else if (LARGE_APPLIANCES.equals(specialist)) {
            skills.add("large_appliances");
        }
        if (value == CustomerValue.VIP) {
            skills.add("vip");
        }
        String byIntent = intentQueue(intent);
        if (byIntent != null) {
            skills.add(byIntent);
        }
        return skills;
    }

    private static String norm(String s) {
        return s.strip().toLowerCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
    }
}
