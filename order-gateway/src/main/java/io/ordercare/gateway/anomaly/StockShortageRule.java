package io.ordercare.gateway.anomaly;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * More units of a SKU ordered than are available. Lines of the same SKU count together; a SKU whose stock is
 * unknown is never short.
 */
public final class StockShortageRule implements AnomalyRule {

    @Override
    public Optional<Anomaly> check(OrderFacts facts, AnomalyThresholds thresholds) {
        Map<String, Integer> wantedBySku = new LinkedHashMap<>();
        facts.items().forEach(item -> wantedBySku.merge(item.sku(), item.quantity(), Integer::sum));
        List<String> findings = wantedBySku.entrySet().stream()
                .filter(wanted -> facts.stockBySku().containsKey(wanted.getKey()))
                .filter(wanted -> wanted.getValue() > facts.stockBySku().get(wanted.getKey()))
                .map(wanted -> "sku " + wanted.getKey() + " wanted " + wanted.getValue()
                        + ", available " + facts.stockBySku().get(wanted.getKey()))
                .toList();
        return findings.isEmpty()
                ? Optional.empty()
                : Optional.of(new Anomaly(FlagKind.STOCK_SHORTAGE, DetailList.join(findings)));
    }
}
