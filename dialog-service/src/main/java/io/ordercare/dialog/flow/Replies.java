package io.ordercare.dialog.flow;

import io.ordercare.platform.Messages;
import io.ordercare.proto.order.v1.Address;
import io.ordercare.proto.order.v1.Money;
import io.ordercare.proto.order.v1.Order;
import io.ordercare.proto.order.v1.OrderItem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The assistant's sentences: templates in {@code i18n/replies.properties} (English) and
 * {@code replies_zh.properties} (Chinese), and the words for the facts they carry (statuses, money, addresses,
 * items, dates) in the customer's language. Replies only ever carry facts of the order or the track.
 */
@ApplicationScoped
public class Replies {

    public static final Locale ZH = Messages.ZH;
    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final Object NO_ARG = "";

    @Inject
    Messages messages;

    public static Locale locale(String lang) {
        return "zh".equals(lang) ? ZH : Locale.ENGLISH;
    }

    /** The sentence {@code key} with its arguments (always run through MessageFormat, so '' is one quote). */
    public String text(Locale l, String key, Object... args) {
        return messages.text("replies", l, key, args.length == 0 ? new Object[] { NO_ARG } : args);
    }

    /** {@code key}, or {@code fallback} when there is no sentence for {@code key} (keys made from codes). */
    public String textOr(Locale l, String key, String fallback, Object... args) {
        String t = text(l, key, args);
        return t.equals(key) ? text(l, fallback, args) : t;
    }

    public String status(Locale l, String status) {
        return textOr(l, "status." + status, "status.OTHER");
    }

    public static String money(Money m) {
        String amount = BigDecimal.valueOf(m.getMinor(), 2).toPlainString();
        return switch (m.getCurrency()) {
            case "CNY" -> "¥" + amount;
            case "USD" -> "$" + amount;
            case "EUR" -> "€" + amount;
            case "GBP" -> "£" + amount;
            default -> amount + " " + m.getCurrency();
        };
    }

    public String address(Locale l, Address a) {
        if ("ZH".equals(a.getFormat())) {
            String province = a.getProvince().equals(a.getCity()) ? "" : a.getProvince();
            return province + a.getCity() + a.getDistrict() + a.getStreet() + a.getLine2();
        }
        return String.join(", ", java.util.stream.Stream.of(a.getStreet(), a.getLine2(), a.getCity(),
                (a.getProvince() + " " + a.getPostalCode()).strip(), a.getCountry()).filter(s -> !s.isBlank()).toList());
    }

    public String item(Locale l, OrderItem i) {
        String spec = java.util.stream.Stream.of(i.getColour(), i.getSize()).filter(s -> !s.isBlank())
                .collect(Collectors.joining(l == ZH ? "/" : ", "));
        String name = shortName(i.getName());
        return text(l, "item", name, spec.isEmpty() ? "" : (l == ZH ? "（" + spec + "）" : " (" + spec + ")"),
                String.valueOf(i.getQuantity()));
    }

    /** A product title cut to its first words: platforms' titles run long. */
    public static String shortName(String name) {
        String n = name.strip();
        int space = n.indexOf(' ', 12);
        if (space > 0) {
            n = n.substring(0, space);
        }
        return n.length() > 28 ? n.substring(0, 28) + "…" : n;
    }

    public String items(Locale l, Order o) {
        return o.getItemsList().stream().map(i -> item(l, i)).collect(Collectors.joining(l == ZH ? "，" : "; "));
    }

    /** The number customers know their order by: the platform's order number. */
    public static String orderNumber(Order o) {
        return o.getExternalId().isBlank() ? o.getId() : o.getExternalId();
    }

    public String date(Locale l, LocalDate d) {
        return d.format(DateTimeFormatter.ofPattern(l == ZH ? "M月d日" : "MMM d", l));
    }

    public String date(Locale l, String isoInstantOrDate) {
        if (isoInstantOrDate == null || isoInstantOrDate.isBlank()) {
            return "";
        }
        LocalDate d = isoInstantOrDate.length() == 10 ? LocalDate.parse(isoInstantOrDate)
                : Instant.parse(isoInstantOrDate).atZone(CHINA).toLocalDate();
        return date(l, d);
    }

    public String paymentMethod(Locale l, String method) {
        return textOr(l, "payment-method." + method, "payment-method.OTHER");
    }
}
