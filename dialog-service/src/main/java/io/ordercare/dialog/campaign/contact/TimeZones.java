package io.ordercare.dialog.campaign.contact;

import java.text.Normalizer;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The customer's time zone, told from the shipping address, so that calling windows are applied in the customer's
 * local time and not in the server's.
 *
 * <p>Countries with one zone map directly. Countries that span zones (US, CA, AU) are read by state or province,
 * written as a code ({@code WA}) or a full name ({@code Washington}), case- and accent-insensitive; a state that
 * spans zones gets the zone most of its people live in, except for a few larger cities in its other zone. All of
 * China is {@code Asia/Shanghai}, the official zone, Xinjiang included.
 */
public final class TimeZones {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final ZoneId HONG_KONG = ZoneId.of("Asia/Hong_Kong");
    private static final ZoneId MACAU = ZoneId.of("Asia/Macau");
    private static final ZoneId TAIPEI = ZoneId.of("Asia/Taipei");

    private static final String NEW_YORK = "America/New_York";
    private static final String CHICAGO = "America/Chicago";
    private static final String DENVER = "America/Denver";
    private static final String LOS_ANGELES = "America/Los_Angeles";
    private static final String BOISE = "America/Boise";
    private static final String EDMONTON = "America/Edmonton";
    private static final String WINNIPEG = "America/Winnipeg";
    private static final String SYDNEY = "Australia/Sydney";

    /** Countries with a single zone (for our purposes), by ISO 3166 alpha-2 code. */
    private static final Map<String, ZoneId> SINGLE = Map.ofEntries(
            Map.entry("HK", HONG_KONG), Map.entry("MO", MACAU), Map.entry("TW", TAIPEI),
            Map.entry("SG", ZoneId.of("Asia/Singapore")), Map.entry("JP", ZoneId.of("Asia/Tokyo")),
            Map.entry("KR", ZoneId.of("Asia/Seoul")), Map.entry("GB", ZoneId.of("Europe/London")),
            Map.entry("IE", ZoneId.of("Europe/Dublin")), Map.entry("DE", ZoneId.of("Europe/Berlin")),
            Map.entry("FR", ZoneId.of("Europe/Paris")), Map.entry("IT", ZoneId.of("Europe/Rome")),
            Map.entry("NL", ZoneId.of("Europe/Amsterdam")));

    /** Spain is Madrid time except the Canary Islands (by autonomous community or province, code or name). */
    private static final ZoneId MADRID = ZoneId.of("Europe/Madrid");
    private static final ZoneId CANARY = ZoneId.of("Atlantic/Canary");
    private static final Set<String> CANARIES = Set.of("cn", "gc", "tf", "canarias", "islas canarias", "canary islands",
            "las palmas", "santa cruz de tenerife");

    /** Countries read by region: country code → normalised region code or name → region. */
    private static final Map<String, Map<String, Region>> REGIONAL = new HashMap<>();

    static {
        Regions us = regions("US");
        us.add("AL", "Alabama", CHICAGO);
        us.add("AK", "Alaska", "America/Anchorage").except("America/Adak", "Adak");
        us.add("AZ", "Arizona", "America/Phoenix").except(DENVER, "Window Rock", "Tuba City", "Chinle", "Kayenta");
        us.add("AR", "Arkansas", CHICAGO);
        us.add("CA", "California", LOS_ANGELES);
        us.add("CO", "Colorado", DENVER);
        us.add("CT", "Connecticut", NEW_YORK);
        us.add("DE", "Delaware", NEW_YORK);
        us.add("DC", "District of Columbia", NEW_YORK).alias("Washington DC");
        us.add("FL", "Florida", NEW_YORK)
                .except(CHICAGO, "Pensacola", "Panama City", "Panama City Beach", "Fort Walton Beach", "Destin", "Crestview");
        us.add("GA", "Georgia", NEW_YORK);
        us.add("HI", "Hawaii", "Pacific/Honolulu");
        us.add("ID", "Idaho", BOISE).except(LOS_ANGELES, "Coeur d'Alene", "Post Falls", "Lewiston", "Moscow", "Sandpoint");
        us.add("IL", "Illinois", CHICAGO);
        us.add("IN", "Indiana", "America/Indiana/Indianapolis")
                .except(CHICAGO, "Gary", "Hammond", "East Chicago", "Merrillville", "Valparaiso", "Michigan City", "Evansville");
        us.add("IA", "Iowa", CHICAGO);
        us.add("KS", "Kansas", CHICAGO).except(DENVER, "Goodland");
        us.add("KY", "Kentucky", NEW_YORK)
                .except(CHICAGO, "Bowling Green", "Owensboro", "Paducah", "Hopkinsville", "Henderson");
        us.add("LA", "Louisiana", CHICAGO);
        us.add("ME", "Maine", NEW_YORK);
        us.add("MD", "Maryland", NEW_YORK);
        us.add("MA", "Massachusetts", NEW_YORK);
        us.add("MI", "Michigan", "America/Detroit").except(CHICAGO, "Iron Mountain", "Menominee", "Ironwood");
        us.add("MN", "Minnesota", CHICAGO);
        us.add("MS", "Mississippi", CHICAGO);
        us.add("MO", "Missouri", CHICAGO);
        us.add("MT", "Montana", DENVER);
        us.add("NE", "Nebraska", CHICAGO).except(DENVER, "Scottsbluff", "Sidney", "Alliance");
        us.add("NV", "Nevada", LOS_ANGELES).except(DENVER, "West Wendover");
        us.add("NH", "New Hampshire", NEW_YORK);
        us.add("NJ", "New Jersey", NEW_YORK);
        us.add("NM", "New Mexico", DENVER);
        us.add("NY", "New York", NEW_YORK);
        us.add("NC", "North Carolina", NEW_YORK);
        us.add("ND", "North Dakota", CHICAGO).except(DENVER, "Dickinson");
        us.add("OH", "Ohio", NEW_YORK);
        us.add("OK", "Oklahoma", CHICAGO);
        us.add("OR", "Oregon", LOS_ANGELES).except(BOISE, "Ontario");
        us.add("PA", "Pennsylvania", NEW_YORK);
        us.add("RI", "Rhode Island", NEW_YORK);
        us.add("SC", "South Carolina", NEW_YORK);
        us.add("SD", "South Dakota", CHICAGO).except(DENVER, "Rapid City", "Spearfish", "Sturgis");
        us.add("TN", "Tennessee", CHICAGO)
                .except(NEW_YORK, "Knoxville", "Chattanooga", "Johnson City", "Kingsport", "Bristol", "Oak Ridge");
        us.add("TX", "Texas", CHICAGO).except(DENVER, "El Paso");
        us.add("UT", "Utah", DENVER);
        us.add("VT", "Vermont", NEW_YORK);
        us.add("VA", "Virginia", NEW_YORK);
        us.add("WA", "Washington", LOS_ANGELES);
        us.add("WV", "West Virginia", NEW_YORK);
        us.add("WI", "Wisconsin", CHICAGO);
        us.add("WY", "Wyoming", DENVER);
        // territories that ship under country US
        us.add("PR", "Puerto Rico", "America/Puerto_Rico");
        us.add("VI", "U.S. Virgin Islands", "America/St_Thomas").alias("Virgin Islands");
        us.add("GU", "Guam", "Pacific/Guam");
        us.add("MP", "Northern Mariana Islands", "Pacific/Saipan");
        us.add("AS", "American Samoa", "Pacific/Pago_Pago");

        Regions ca = regions("CA");
        ca.add("AB", "Alberta", EDMONTON);
        ca.add("BC", "British Columbia", "America/Vancouver")
                .except(EDMONTON, "Cranbrook", "Fernie", "Golden", "Invermere")
                .except("America/Dawson_Creek", "Dawson Creek", "Fort St John");
        ca.add("MB", "Manitoba", WINNIPEG);
        ca.add("NB", "New Brunswick", "America/Moncton");
        ca.add("NL", "Newfoundland and Labrador", "America/St_Johns").alias("Newfoundland")
                .except("America/Goose_Bay", "Happy Valley-Goose Bay", "Labrador City", "Wabush");
        ca.add("NS", "Nova Scotia", "America/Halifax");
        ca.add("NT", "Northwest Territories", EDMONTON);
        ca.add("NU", "Nunavut", "America/Iqaluit");
        ca.add("ON", "Ontario", "America/Toronto")
                .except(WINNIPEG, "Kenora", "Dryden", "Sioux Lookout", "Fort Frances", "Red Lake");
        ca.add("PE", "Prince Edward Island", "America/Halifax");
        ca.add("QC", "Quebec", "America/Toronto");
        ca.add("SK", "Saskatchewan", "America/Regina").except(EDMONTON, "Lloydminster");
        ca.add("YT", "Yukon", "America/Whitehorse");

        Regions au = regions("AU");
        au.add("NSW", "New South Wales", SYDNEY)
                .except("Australia/Broken_Hill", "Broken Hill").except("Australia/Lord_Howe", "Lord Howe Island");
        au.add("VIC", "Victoria", "Australia/Melbourne");
        au.add("ACT", "Australian Capital Territory", SYDNEY);
        au.add("JBT", "Jervis Bay Territory", SYDNEY);
        au.add("TAS", "Tasmania", "Australia/Hobart");
        au.add("QLD", "Queensland", "Australia/Brisbane");
        au.add("SA", "South Australia", "Australia/Adelaide");
        au.add("WA", "Western Australia", "Australia/Perth");
        au.add("NT", "Northern Territory", "Australia/Darwin");
    }

    private TimeZones() {
    }

    /**
     * The customer's zone, or {@code fallback} when the address does not tell it: an unknown country, or a
     * country that spans zones without a state or province we know.
     *
     * @param country  ISO 3166 alpha-2 code (CN, US ...); {@code UK} is read as GB
     * @param province state, province or region as a code or a full name; may be null or blank
     * @param city     used only for the few cities outside their state's main zone; may be null or blank
     */
    public static ZoneId of(String country, String province, String city, ZoneId fallback) {
        return find(country, province, city).orElse(fallback);
    }

    /** As {@link #of}, but empty instead of a fallback, for callers that want to know the zone was a guess. */
    public static Optional<ZoneId> find(String country, String province, String city) {
        String c = country == null ? "" : country.strip().toUpperCase(Locale.ROOT);
        if (c.equals("UK")) {
            c = "GB";
        }
        String p = normalise(province);
        if (c.length() == 2 && p.startsWith(c.toLowerCase(Locale.ROOT) + "-")) {
            p = p.substring(3); // ISO 3166-2 form, US-WA
        }
        switch (c) {
            case "CN":
                return Optional.of(china(province == null ? "" : province.strip(), p));
            case "ES":
                return Optional.of(CANARIES.contains(p) ? CANARY : MADRID);
            default:
                break;
        }
        ZoneId single = SINGLE.get(c);
        if (single != null) {
            return Optional.of(single);
        }
        Map<String, Region> regions = REGIONAL.get(c);
        Region region = regions == null ? null : regions.get(p);
        if (region == null) {
            return Optional.empty();
        }
        return Optional.of(region.cities.getOrDefault(normalise(city), region.zone));
    }

    /** Addresses in Hong Kong, Macau and Taiwan are sometimes filed under CN; they keep their own zone. */
    private static ZoneId china(String written, String normalised) {
        if (written.startsWith("香港") || normalised.equals("hong kong")) {
            return HONG_KONG;
        }
        if (written.startsWith("澳门") || written.startsWith("澳門") || normalised.equals("macau")
                || normalised.equals("macao")) {
            return MACAU;
        }
        if (written.startsWith("台湾") || written.startsWith("臺灣") || written.startsWith("台灣")
                || normalised.equals("taiwan")) {
            return TAIPEI;
        }
        return SHANGHAI;
    }

    /** Lower case, no accents (Québec), no dots or commas (Washington, D.C.), single spaces. */
    static String normalise(String s) {
        if (s == null) {
            return "";
        }
        String t = Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return t.toLowerCase(Locale.ROOT).replace('’', '\'').replace(".", "").replace(',', ' ').strip().replaceAll("\\s+", " ");
    }

    private static Regions regions(String country) {
        Map<String, Region> map = new HashMap<>();
        REGIONAL.put(country, map);
        return new Regions(map);
    }

    private record Region(ZoneId zone, Map<String, ZoneId> cities) {
    }

    /** Builds one country's table: a region under its code, its name and any alias, with its city exceptions. */
    private record Regions(Map<String, Region> map) {

        Entry add(String code, String name, String zone) {
            Region region = new Region(ZoneId.of(zone), new HashMap<>());
            map.put(normalise(code), region);
            map.put(normalise(name), region);
            return new Entry(map, region);
        }
    }

    private record Entry(Map<String, Region> map, Region region) {

        Entry alias(String name) {
            map.put(normalise(name), region);
            return this;
        }

        Entry except(String zone, String... cities) {
            ZoneId id = ZoneId.of(zone);
            for (String city : cities) {
                region.cities.put(normalise(city), id);
            }
            return this;
        }
    }
}
