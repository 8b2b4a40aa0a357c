package io.ordercare.dialog.nlu;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds Western (street-first) addresses: "221B Baker Street, London NW1 6XE", "500 Market St, San Francisco, CA
 * 94105", "350 Fifth Avenue, Apt 4B, New York, NY 10118, USA", and a bare UK postcode or US ZIP after the word
 * postcode/zip.
 *
 * <p>Line 1 is a house number, up to four name words and a street type (Street, St, Ave, Road, Parkway ...); name words
 * may not be common English words ("2 items on the way" is not a street). Then come, each optional and in this order:
 * line 2 (Apt/Suite/Unit/Flat/Floor), ", city", state and ZIP, a postcode, a country. The country comes from the text
 * or the postal code's shape (US ZIP with a state → US, UK postcode → GB, Canadian postal code → CA).
 */
final class WesternAddressReader {

    /** An address found in a text: its span and its fields. */
    record Found(int start, int end, ParsedAddress address) {
    }

    private static final String STREET_TYPES = "street|st|avenue|ave|road|rd|boulevard|blvd|drive|dr|lane|ln|way|court|ct"
            + "|place|pl|parkway|pkwy|terrace|ter|loop|plaza|square|sq|highway|hwy|circle|cir|crescent|cres|close|row"
            + "|walk|trail|grove|mews|broadway|alley|gardens|hill";
    private static final Pattern LINE1 = Pattern.compile(
            "(?i)(?<![\\w$#.,])(\\d{1,6}[A-Za-z]?(?:-\\d{1,4})?)\\s+((?:[A-Za-z][A-Za-z'.-]*\\s+){0,4}?)(" + STREET_TYPES + ")\\b\\.?");
    private static final Pattern LINE2 = Pattern.compile(
            "(?i),?\\s*((?:apt|apartment|suite|ste|unit|flat|floor|fl|room|rm)\\.?\\s*#?\\s*[A-Za-z0-9-]{1,6}|#\\s*[A-Za-z0-9-]{1,6})\\b");
    private static final Pattern CITY = Pattern.compile(
            "(?i),\\s*([A-Za-z][A-Za-z.'-]*(?![\\w])(?:\\s+[A-Za-z][A-Za-z.'-]*(?![\\w])){0,2})");
    private static final Pattern STATE_ZIP = Pattern.compile(
            "(?i),?\\s*([A-Za-z]{2}|[A-Za-z]+(?:\\s[A-Za-z]+)?)(?:\\s*,?\\s*(\\d{5}(?:-\\d{4})?))?(?![A-Za-z\\d])");
    private static final Pattern UK_POSTCODE = Pattern.compile("(?i),?\\s*([A-Z]{1,2}\\d[A-Z\\d]?\\s*\\d[A-Z]{2})(?![A-Za-z\\d])");
    private static final Pattern CA_POSTCODE = Pattern.compile("(?i),?\\s*([A-Z]\\d[A-Z]\\s?\\d[A-Z]\\d)(?![A-Za-z\\d])");
    private static final Pattern ZIP = Pattern.compile(",?\\s*(\\d{5}(?:-\\d{4})?)(?!\\d)");
    private static final Pattern COUNTRY = Pattern.compile(
            "(?i),?\\s*(U\\.S\\.A\\.?|USA|U\\.S\\.|United States(?: of America)?|UK|U\\.K\\.|United Kingdom|England|Scotland|Wales"
                    + "|Canada|Australia|Germany|France|Singapore|Japan|China)\\b");
    private static final Pattern POSTCODE_AFTER_KEYWORD = Pattern.compile(
            "(?i)\\b(?:post\\s?code|postal\\s+code|zip(?:\\s*code)?)\\b[^\\d\\n]{0,20}?"
                    + "([A-Z]{1,2}\\d[A-Z\\d]?\\s*\\d[A-Z]{2}|\\d{5}(?:-\\d{4})?|[A-Z]\\d[A-Z]\\s?\\d[A-Z]\\d)(?![A-Za-z\\d])");

    private static final Map<String, String> STATES = Map.ofEntries(Map.entry("alabama", "AL"), Map.entry("alaska", "AK"),
            Map.entry("arizona", "AZ"), Map.entry("arkansas", "AR"), Map.entry("california", "CA"),
            Map.entry("colorado", "CO"), Map.entry("connecticut", "CT"), Map.entry("delaware", "DE"),
            Map.entry("florida", "FL"), Map.entry("georgia", "GA"), Map.entry("hawaii", "HI"), Map.entry("idaho", "ID"),
            Map.entry("illinois", "IL"), Map.entry("indiana", "IN"), Map.entry("iowa", "IA"), Map.entry("kansas", "KS"),
            Map.entry("kentucky", "KY"), Map.entry("louisiana", "LA"), Map.entry("maine", "ME"),
            Map.entry("maryland", "MD"), Map.entry("massachusetts", "MA"), Map.entry("michigan", "MI"),
            Map.entry("minnesota", "MN"), Map.entry("mississippi", "MS"), Map.entry("missouri", "MO"),
            Map.entry("montana", "MT"), Map.entry("nebraska", "NE"), Map.entry("nevada", "NV"),
            Map.entry("new hampshire", "NH"), Map.entry("new jersey", "NJ"), Map.entry("new mexico", "NM"),
            Map.entry("new york", "NY"), Map.entry("north carolina", "NC"), Map.entry("north dakota", "ND"),
            Map.entry("ohio", "OH"), Map.entry("oklahoma", "OK"), Map.entry("oregon", "OR"),
            Map.entry("pennsylvania", "PA"), Map.entry("rhode island", "RI"), Map.entry("south carolina", "SC"),
            Map.entry("south dakota", "SD"), Map.entry("tennessee", "TN"), Map.entry("texas", "TX"), Map.entry("utah", "UT"),
            Map.entry("vermont", "VT"), Map.entry("virginia", "VA"), Map.entry("washington", "WA"),
            Map.entry("west virginia", "WV"), Map.entry("wisconsin", "WI"), Map.entry("wyoming", "WY"),
            Map.entry("district of columbia", "DC"));
    private static final Set<String> STATE_CODES = Set.copyOf(STATES.values());

    /** Words that are not part of a street or city name but of the sentence around it. */
    private static final Set<String> STOP = Set.copyOf(List.of("a", "an", "the", "my", "your", "our", "their", "his", "her", "its", "it",
            "to", "on", "in", "at", "of", "for", "and", "or", "but", "is", "are", "was", "be", "been", "that", "this",
            "these", "those", "with", "from", "by", "as", "i", "you", "we", "they", "he", "she", "me", "us", "them",
            "please", "pls", "instead", "thanks", "thank", "asap", "now", "today", "tomorrow", "order", "orders", "item",
            "items", "piece", "pieces", "pair", "pairs", "unit", "units", "day", "days", "week", "weeks", "hour", "hours",
            "more", "less", "not", "no", "yes", "all", "any", "some", "other", "same", "get", "got", "want", "need",
            "can", "could", "would", "will", "should", "do", "does", "did", "have", "has", "had", "so", "if", "then",
            "than", "there", "here", "what", "which", "who", "when", "where", "how", "why", "ship", "send", "deliver",
            "delivered", "shipping", "delivery", "address", "change", "changed", "update", "use", "ago",
            "time", "times", "minutes", "dollars", "bucks", "usd", "by", "up", "out", "off", "just", "only", "also",
            "too", "very", "be", "am", "pm", "way", "ok", "okay", "thx"));

    private WesternAddressReader() {
    }

    static List<Found> findAll(String text) {
        if (text.chars().noneMatch(Character::isDigit)) {
            return List.of(); // a house number or a postal code is always there
        }
        List<Found> found = new ArrayList<>();
        Matcher m = LINE1.matcher(text);
        int from = 0;
        while (from < text.length() && m.find(from)) {
            Found f = read(text, m);
            if (f == null) {
                from = m.start() + 1;
                continue;
            }
            found.add(f);
            from = f.end();
        }
        Matcher p = POSTCODE_AFTER_KEYWORD.matcher(text);
        while (p.find()) {
            int s = p.start(1);
            if (found.stream().anyMatch(f -> s >= f.start() && s < f.end())) {
                continue;
            }
            String code = p.group(1).toUpperCase(Locale.ROOT);
            String country = code.matches("\\d{5}(-\\d{4})?") ? "US" : code.matches("[A-Z]\\d[A-Z]\\s?\\d[A-Z]\\d") ? "CA" : "GB";
            found.add(new Found(s, p.end(1),
                    new ParsedAddress(ParsedAddress.WESTERN, country, "", "", "", "", "", code)));
        }
        found.sort((a, b) -> Integer.compare(a.start(), b.start()));
        return found;
    }

    private static Found read(String text, Matcher m) {
        String names = m.group(2).trim();
        for (String w : names.isEmpty() ? new String[0] : names.split("\\s+")) {
            if (STOP.contains(w.toLowerCase(Locale.ROOT).replace(".", ""))) {
                return null;
            }
        }
        if (names.isEmpty() && !m.group(3).equalsIgnoreCase("broadway")) {
            return null; // "3 way", "5 st" are not streets
        }
        String line1 = m.group().trim();
        int end = m.end();
        String line2 = "";
        Matcher l2 = LINE2.matcher(text).region(end, text.length());
        if (l2.lookingAt()) {
            line2 = l2.group(1).trim();
            end = l2.end();
        }
        String city = "";
        String state = "";
        String postcode = "";
        String country = "";
        Matcher c = CITY.matcher(text).region(end, text.length());
        if (c.lookingAt()) {
            String[] words = c.group(1).split("\\s+");
            int keep = 0;
            while (keep < words.length && !STOP.contains(words[keep].toLowerCase(Locale.ROOT))
                    && stateCode(words[keep]) == null && countryCode(words[keep]) == null) {
                keep++;
            }
            if (keep > 0) {
                String name = String.join(" ", java.util.Arrays.copyOf(words, keep));
                int cityEnd = c.start(1) + name.length();
                if (text.regionMatches(c.start(1), name, 0, name.length())) {
                    city = name;
                    end = cityEnd;
                }
            }
        }
        Matcher sz = STATE_ZIP.matcher(text).region(end, text.length());
        if (sz.lookingAt() && stateCode(sz.group(1)) != null
                && (sz.group(2) != null || isUpperAbbreviation(sz.group(1)) || sz.group(1).length() > 2)
                && (!city.isEmpty() || sz.group(2) != null)) {
            state = stateCode(sz.group(1));
            if (sz.group(2) != null) {
                postcode = sz.group(2);
            }
            country = "US";
            end = sz.end();
        } else {
            Matcher uk = UK_POSTCODE.matcher(text).region(end, text.length());
            Matcher ca = CA_POSTCODE.matcher(text).region(end, text.length());
            Matcher zip = ZIP.matcher(text).region(end, text.length());
            if (ca.lookingAt()) {
                postcode = ca.group(1).toUpperCase(Locale.ROOT);
                country = "CA";
                end = ca.end();
            } else if (uk.lookingAt()) {
                postcode = uk.group(1).toUpperCase(Locale.ROOT);
                country = "GB";
                end = uk.end();
            } else if (zip.lookingAt()) {
                postcode = zip.group(1);
                country = "US";
                end = zip.end();
            }
        }
        Matcher co = COUNTRY.matcher(text).region(end, text.length());
        if (co.lookingAt()) {
            country = countryCode(co.group(1));
            end = co.end();
        }
        if (city.isEmpty() && !line2.isEmpty() && end == l2.end()) {
            // "1 Main St, Apt 2, Boston" — city after line 2 was not tried above
            Matcher c2 = CITY.matcher(text).region(end, text.length());
            if (c2.lookingAt() && !STOP.contains(c2.group(1).split("\\s+")[0].toLowerCase(Locale.ROOT))) {
                String first = c2.group(1).split("\\s+")[0];
                city = first;
                end = c2.start(1) + first.length();
            }
        }
        return new Found(m.start(), end,
                new ParsedAddress(ParsedAddress.WESTERN, country, state, city, "", line1, line2, postcode));
    }

    private static boolean isUpperAbbreviation(String s) {
        return s.length() == 2 && s.equals(s.toUpperCase(Locale.ROOT));
    }

    private static String stateCode(String s) {
        String t = s.trim();
        if (t.length() == 2) {
            String up = t.toUpperCase(Locale.ROOT);
            return STATE_CODES.contains(up) ? up : null;
        }
        return STATES.get(t.toLowerCase(Locale.ROOT));
    }

    private static String countryCode(String s) {
        String t = s.toLowerCase(Locale.ROOT).replace(".", "");
        return switch (t) {
            case "usa", "us", "united states", "united states of america" -> "US";
            case "uk", "united kingdom", "england", "scotland", "wales" -> "GB";
            case "canada" -> "CA";
            case "australia" -> "AU";
            case "germany" -> "DE";
            case "france" -> "FR";
            case "singapore" -> "SG";
            case "japan" -> "JP";
            case "china" -> "CN";
            default -> null;
        };
    }
}
