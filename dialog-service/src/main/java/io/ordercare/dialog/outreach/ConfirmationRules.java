package io.ordercare.dialog.outreach;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.ordercare.dialog.call.ConfirmationScript;
import io.ordercare.proto.order.v1.Order;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import io.ordercare.dialog.campaign.CallsConfig;
import jakarta.inject.Inject;

/**
 * Which fresh orders get a confirmation call and what it reads back: the rules of
 * {@code calls/confirmation-rules.yaml} (or the resource {@code ordercare.dialog.calls.rules} names), first match
 * wins. Data, so a shop changes who is called without a release.
 */
@ApplicationScoped
public class ConfirmationRules {

    /** One rule: its conditions (all must hold; absent ones hold) and the checks of its call. */
    public record Rule(String name, String flag, String paymentMethod, List<String> categories,
            Map<String, Long> minTotal, Boolean firstOrder, List<String> checks) {

        boolean matches(Order o, boolean first) {
            if (flag != null && o.getFlagsList().stream().noneMatch(f -> !f.getResolved() && flag.equals(f.getKind()))) {
                return false;
            }
            if (paymentMethod != null && o.getPaymentsList().stream().noneMatch(p -> paymentMethod.equals(p.getMethod()))) {
                return false;
            }
            if (categories != null && !categories.isEmpty()
                    && o.getItemsList().stream().noneMatch(i -> categories.contains(i.getCategory()))) {
                return false;
            }
            if (minTotal != null && !minTotal.isEmpty()) {
                Long min = minTotal.get(o.getTotal().getCurrency());
                if (min == null || o.getTotal().getMinor() < min) {
                    return false;
                }
            }
            return firstOrder == null || firstOrder == first;
        }
    }

    record RuleFile(List<Rule> rules) {
    }

    @Inject
    CallsConfig config;

    private List<Rule> rules;

    @PostConstruct
    void load() {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory()).configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);
        String resource = config.rules();
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("confirmation rules " + resource + " not found");
            }
            rules = yaml.readValue(in, RuleFile.class).rules();
        } catch (IOException e) {
            throw new IllegalStateException("confirmation rules " + resource + " unreadable: " + e.getMessage(), e);
        }
        for (Rule r : rules) {
            for (String check : r.checks() == null ? List.<String>of() : r.checks()) {
                if (!ConfirmationScript.CHECKS.contains(check)) {
                    throw new IllegalStateException("confirmation rule " + r.name() + " names the unknown check " + check);
                }
            }
        }
    }

    /** The first rule the order matches. */
    public Optional<Rule> match(Order o, boolean firstOrder) {
        return rules.stream().filter(r -> r.matches(o, firstOrder)).findFirst();
    }

    public List<Rule> rules() {
        return rules;
    }
}
