package io.ordercare.dialog.customer;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A customer's identity on a channel, normalised the way order-gateway stores it: phone numbers in E.164
 * ({@code +8613812345678}), e-mail addresses in lower case, platform accounts as {@code <platform>:<account>}.
 */
public record Identity(IdentityKind kind, String value) {

    private static final Pattern SEPARATORS = Pattern.compile("[\\s\\-().\\u00a0]");
    private static final Pattern CHINESE_MOBILE = Pattern.compile("1[3-9]\\d{9}");
    private static final Pattern INTERNATIONAL = Pattern.compile("\\+[1-9]\\d{7,14}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern PLATFORM = Pattern.compile("[a-z][a-z0-9_-]{1,31}:[^\\s]{1,128}");

    /** A phone as customers type it: a Chinese mobile without calling code, or any number with {@code +} or {@code 00}. */
    public static Optional<Identity> phone(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String compact = SEPARATORS.matcher(raw.strip()).replaceAll("");
        if (compact.startsWith("00")) {
            compact = "+" + compact.substring(2);
        }
        if (CHINESE_MOBILE.matcher(compact).matches()) {
            compact = "+86" + compact;
        }
        return INTERNATIONAL.matcher(compact).matches() ? Optional.of(new Identity(IdentityKind.PHONE, compact))
                : Optional.empty();
    }

    public static Optional<Identity> email(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String e = raw.strip().toLowerCase(Locale.ROOT);
        return e.length() <= 254 && EMAIL.matcher(e).matches() ? Optional.of(new Identity(IdentityKind.EMAIL, e))
                : Optional.empty();
    }

    /** A platform account, e.g. {@code taobao:tb_buyer_1}, {@code jd:pin}, {@code shopify:7390012}. */
    public static Optional<Identity> platform(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String p = raw.strip();
        int colon = p.indexOf(':');
        if (colon > 0) {
            p = p.substring(0, colon).toLowerCase(Locale.ROOT) + p.substring(colon);
        }
        return PLATFORM.matcher(p).matches() ? Optional.of(new Identity(IdentityKind.PLATFORM, p)) : Optional.empty();
    }

    /** The value with most of it hidden, for anything a person may read (logs, evidence shown to agents). */
    public String masked() {
        return switch (kind) {
            case PHONE -> value.length() <= 7 ? "****" : value.substring(0, 5) + "****" + value.substring(value.length() - 2);
            case EMAIL -> value.charAt(0) + "***" + value.substring(value.indexOf('@'));
            case PLATFORM -> value.substring(0, value.indexOf(':') + 1) + "***";
        };
    }

    @Override
    public String toString() {
        return kind + ":" + masked();
    }
}
