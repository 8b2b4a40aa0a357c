package io.ordercare.gateway.ingest;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** Phone numbers as platforms write them, brought to E.164, and masked for anything a person may read. */
public final class PhoneNumber {

    // The markets the shops sell to; a number from elsewhere must arrive in international form.
    private static final Map<String, String> CALLING_CODES = Map.ofEntries(
            Map.entry("CN", "86"), Map.entry("HK", "852"), Map.entry("MO", "853"), Map.entry("TW", "886"),
            Map.entry("US", "1"), Map.entry("CA", "1"), Map.entry("GB", "44"), Map.entry("DE", "49"),
            Map.entry("FR", "33"), Map.entry("IT", "39"), Map.entry("ES", "34"), Map.entry("NL", "31"),
            Map.entry("AU", "61"), Map.entry("NZ", "64"), Map.entry("JP", "81"), Map.entry("KR", "82"),
            Map.entry("SG", "65"), Map.entry("MY", "60"));

    private static final String NORTH_AMERICA = "1";
    private static final String CHINA = "86";

    private static final Pattern SEPARATORS = Pattern.compile("[\\s\\-().\\u00a0]");
    private static final Pattern DIGITS = Pattern.compile("\\d+");
    private static final Pattern E164_DIGITS = Pattern.compile("[1-9]\\d{7,14}");
    private static final Pattern CHINESE_MOBILE = Pattern.compile("1[3-9]\\d{9}");
    private static final Pattern CHINESE_LANDLINE = Pattern.compile("0[1-9]\\d{8,10}");
    private static final Pattern NORTH_AMERICAN_NATIONAL = Pattern.compile("[2-9]\\d{9}");

    private static final String MASK = "****";

    private PhoneNumber() {
    }

    /**
     * The number in E.164 ({@code +8613812345678}), or empty when it cannot be one.
     *
     * @param country ISO 3166-1 alpha-2 code of the address the number belongs to; decides the calling code of a
     *                number written without one. When null, only a Chinese mobile (11 digits, {@code 1[3-9]…})
     *                is accepted without a calling code.
     */
    public static Optional<String> toE164(String raw, String country) {
        String compact = SEPARATORS.matcher(raw).replaceAll("");
        if (compact.startsWith("+")) {
            return international(compact.substring(1));
        }
        if (!DIGITS.matcher(compact).matches()) {
            return Optional.empty();
        }
        if (compact.startsWith("00")) {
            return international(compact.substring(2));
        }
        if (country == null) {
            // Without a country only a Chinese mobile is unambiguous.
            return CHINESE_MOBILE.matcher(compact).matches() ? Optional.of("+" + CHINA + compact) : Optional.empty();
        }
        String callingCode = CALLING_CODES.get(country.toUpperCase(Locale.ROOT));
        if (callingCode == null) {
            return Optional.empty();
        }
        return switch (callingCode) {
            case CHINA -> chinese(compact);
            case NORTH_AMERICA -> northAmerican(compact);
            default -> international(callingCode + withoutTrunkPrefix(compact));
        };
    }

    /**
     * Hides the middle of a number: {@code +8613812345678} becomes {@code +86138****5678}. Shows at most the first
     * six and the last four characters without separators, and always masks a run of the same length, so the
     * length leaks nothing.
     */
    public static String mask(String phone) {
        if (phone == null) {
            return null;
        }
        String compact = SEPARATORS.matcher(phone).replaceAll("");
        int length = compact.length();
        if (length <= 4) {
            return MASK;
        }
        if (length < 10) {
            return MASK + compact.substring(length - 2);
        }
        return compact.substring(0, Math.min(6, length - 8)) + MASK + compact.substring(length - 4);
    }

    private static Optional<String> chinese(String digits) {
        if (CHINESE_MOBILE.matcher(digits).matches()) {
            return Optional.of("+" + CHINA + digits);
        }
        if (digits.startsWith(CHINA) && CHINESE_MOBILE.matcher(digits.substring(CHINA.length())).matches()) {
            return Optional.of("+" + digits);
        }
        if (CHINESE_LANDLINE.matcher(digits).matches()) {
            return Optional.of("+" + CHINA + withoutTrunkPrefix(digits));
        }
        return Optional.empty();
    }

    private static Optional<String> northAmerican(String digits) {
        if (NORTH_AMERICAN_NATIONAL.matcher(digits).matches()) {
            return Optional.of("+" + NORTH_AMERICA + digits);
        }
        if (digits.startsWith(NORTH_AMERICA) && NORTH_AMERICAN_NATIONAL.matcher(digits.substring(1)).matches()) {
            return Optional.of("+" + digits);
        }
        return Optional.empty();
    }

    private static String withoutTrunkPrefix(String nationalDigits) {
        return nationalDigits.startsWith("0") ? nationalDigits.substring(1) : nationalDigits;
    }

    private static Optional<String> international(String digits) {
        return E164_DIGITS.matcher(digits).matches() ? Optional.of("+" + digits) : Optional.empty();
    }
}
