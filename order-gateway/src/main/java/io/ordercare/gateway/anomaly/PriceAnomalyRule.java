package io.ordercare.gateway.anomaly;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Optional;

/**
 * A unit paid for far less or far more than its list price, as typos in a price or a misconfigured coupon cause.
 * Lines without a list price are not judged.
 */
public final class PriceAnomalyRule implements AnomalyRule {

    @Override
    public Optional<Anomaly> check(OrderFacts facts, AnomalyThresholds thresholds) {
        List<String> findings = facts.items().stream()
                .filter(item -> item.listPriceMinor() > 0 && isOutsideRange(item, thresholds))
                .map(PriceAnomalyRule::describe)
                .toList();
        return findings.isEmpty()
                ? Optional.empty()
                : Optional.of(new Anomaly(FlagKind.PRICE_ANOMALY, DetailList.join(findings)));
    }

    private static boolean isOutsideRange(ItemFacts item, AnomalyThresholds thresholds) {
        double ratio = (double) item.unitPriceMinor() / item.listPriceMinor();
        return ratio < thresholds.priceRatioFloor() || ratio > thresholds.priceRatioCeiling();
    }

    private static String describe(ItemFacts item) {
        BigDecimal percent = BigDecimal.valueOf(item.unitPriceMinor()).multiply(BigDecimal.valueOf(100))
                .divide(BigDecimal.valueOf(item.listPriceMinor()), 0, RoundingMode.HALF_UP);
        return "sku " + item.sku() + " paid " + MinorUnits.toDecimal(item.unitPriceMinor())
                + " vs list " + MinorUnits.toDecimal(item.listPriceMinor()) + " (" + percent + "%)";
    }
}
