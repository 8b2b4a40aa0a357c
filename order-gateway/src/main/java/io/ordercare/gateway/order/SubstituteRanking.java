package io.ordercare.gateway.order;

import io.ordercare.gateway.inventory.InventoryLevel;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Which products of the inventory snapshot could stand in for one item of an order, best first. A candidate has
 * the item's category, another SKU, a price in the order's currency within the allowed difference of the item's
 * unit price, and enough available for the item's quantity (plus what other lines of the order already take of
 * that SKU, so that replacing the item does not leave the order short). Its score is the price closeness
 * {@code 1 - |difference| / unit price}, plus {@value #SIZE_MATCH} when the size matches and {@value #COLOUR_MATCH}
 * when the colour matches (a blank size or colour on either side matches anything); ties go by SKU.
 */
public final class SubstituteRanking {

    static final double SIZE_MATCH = 0.5;
    static final double COLOUR_MATCH = 0.25;

    private static final Comparator<Substitute> BEST_FIRST = Comparator.comparingDouble(Substitute::score).reversed()
            .thenComparing(Substitute::sku);

    private final BigDecimal maxPriceDifference;

    /** @param maxPriceDifference the largest price difference as a share of the item's unit price, e.g. 0.30 */
    public SubstituteRanking(BigDecimal maxPriceDifference) {
        if (maxPriceDifference == null || maxPriceDifference.signum() < 0) {
            throw new IllegalArgumentException("the price difference must be a non-negative share: " + maxPriceDifference);
        }
        this.maxPriceDifference = maxPriceDifference;
    }

    /** The lowest price (minor units) still close enough to {@code unitPriceMinor}. */
    public long lowestPrice(long unitPriceMinor) {
        BigDecimal lowest = BigDecimal.valueOf(unitPriceMinor).multiply(BigDecimal.ONE.subtract(maxPriceDifference))
                .setScale(0, RoundingMode.CEILING);
        return Math.max(0, lowest.longValueExact());
    }

    /** The highest price (minor units) still close enough to {@code unitPriceMinor}. */
    public long highestPrice(long unitPriceMinor) {
        return BigDecimal.valueOf(unitPriceMinor).multiply(BigDecimal.ONE.add(maxPriceDifference))
                .setScale(0, RoundingMode.FLOOR).longValueExact();
    }

    /**
     * @param item             the line to stand in for
     * @param currency         the order's currency
     * @param orderedElsewhere units per SKU on the order's other lines
     * @param candidates       rows of the snapshot, in any order; those that do not qualify are left out
     * @param limit            the most to return
     */
    public List<Substitute> rank(OrderView.ItemView item, String currency, Map<String, Integer> orderedElsewhere,
            List<InventoryLevel> candidates, int limit) {
        long lowest = lowestPrice(item.unitPriceMinor());
        long highest = highestPrice(item.unitPriceMinor());
        return candidates.stream()
                .filter(c -> !c.sku.equals(item.sku()))
                .filter(c -> c.category != null && c.category.equalsIgnoreCase(item.category()))
                .filter(c -> c.unitPriceMinor != null && currency.equals(c.currency))
                .filter(c -> c.unitPriceMinor >= lowest && c.unitPriceMinor <= highest)
                .filter(c -> c.available >= item.quantity() + orderedElsewhere.getOrDefault(c.sku, 0))
                .map(c -> new Substitute(c.sku, c.name, c.category, c.size, c.colour, c.unitPriceMinor, c.currency,
                        c.available, score(item, c)))
                .sorted(BEST_FIRST)
                .limit(limit)
                .toList();
    }

    static double score(OrderView.ItemView item, InventoryLevel candidate) {
        double score = closeness(candidate.unitPriceMinor, item.unitPriceMinor());
        if (matches(item.size(), candidate.size)) {
            score += SIZE_MATCH;
        }
        if (matches(item.colour(), candidate.colour)) {
            score += COLOUR_MATCH;
        }
        return score;
    }

    // 1 for the same price, falling linearly with the difference; a free item is only matched by a free one
    private static double closeness(long price, long reference) {
        if (reference == 0) {
            return price == 0 ? 1.0 : 0.0;
        }
        return 1.0 - (double) Math.abs(price - reference) / reference;
    }

    private static boolean matches(String wanted, String offered) {
        return blank(wanted) || blank(offered)
                || wanted.strip().toLowerCase(Locale.ROOT).equals(offered.strip().toLowerCase(Locale.ROOT));
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
