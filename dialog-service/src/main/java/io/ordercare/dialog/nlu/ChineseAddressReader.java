package io.ordercare.dialog.nlu;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds Chinese addresses (上海市浦东新区世纪大道100号) and splits them into province / city / district / street.
 *
 * <p>A Chinese address is a chain of components, each ending in a marker: 省/自治区, 市, 区/县/旗, 街道/镇/乡,
 * 路/街/大道/巷/弄, 号/栋/室/单元, 小区/大厦/花园 ... The reader starts a chain at a known province or city name, after a
 * phrase that introduces an address (改成, 寄到, 地址是 ...) or at the start of the text, then takes the longest component
 * at each step. A chain counts as an address when it has at least two components and either a street-level one or
 * two administrative ones. A component read by its marker alone (not from the gazetteer) may not contain function
 * words (我, 的, 吗, 不 ...) nor another level's marker, so "我不知道3号" is not read as road + number, nor
 * "上海市浦东新区世纪大道" as one long road.
 */
final class ChineseAddressReader {

    enum Kind { PROVINCE, CITY, DISTRICT, TOWN, ROAD, NUMBER, PLACE, POSTCODE }

    record Component(Kind kind, String text, int start, int end) {
    }

    /** An address found in a text: its span and its components in order. */
    record Found(int start, int end, List<Component> components) {

        ParsedAddress toParsed() {
            String province = "";
            String city = "";
            String district = "";
            String postcode = "";
            StringBuilder street = new StringBuilder();
            for (Component c : components) {
                switch (c.kind()) {
                    case PROVINCE -> province = ChineseRegions.fullProvince(c.text());
                    case CITY -> {
                        if (city.isEmpty()) {
                            city = ChineseRegions.fullCity(c.text());
                        } else if (district.isEmpty()) {
                            district = c.text();
                        } else {
                            street.append(c.text());
                        }
                    }
                    case DISTRICT -> {
                        if (district.isEmpty()) {
                            district = c.text();
                        } else {
                            street.append(c.text());
                        }
                    }
                    case POSTCODE -> postcode = c.text().replaceAll("\\D", "");
                    default -> street.append(c.text());
                }
            }
            if (!province.isEmpty() && ChineseRegions.isMunicipality(province)) {
                if (!city.isEmpty() && !city.equals(province) && district.isEmpty()) {
                    district = city; // 上海市浦东市? keep what was written as the district
                }
                city = province;
            }
            String country = switch (province) {
                case "香港特别行政区" -> "HK";
                case "澳门特别行政区" -> "MO";
                case "台湾省" -> "TW";
                default -> "CN";
            };
            return new ParsedAddress(ParsedAddress.ZH, country, province, city, district, street.toString(), "", postcode);
        }
    }

    private static final String HAN = "\\p{IsHan}";
    private static final Pattern PROVINCE = Pattern.compile("(?:" + ChineseRegions.PROVINCE_ALT + ")");
    private static final Pattern CITY = Pattern.compile(
            "(?:" + ChineseRegions.CITY_ALT + ")|" + HAN + "{2,5}?(?:市|自治州|地区|盟)");
    private static final Pattern DISTRICT = Pattern.compile(HAN + "{1,6}?(?:新区|区|县|旗)|" + HAN + "{2,4}?市");
    private static final Pattern TOWN = Pattern.compile(HAN + "{1,6}?(?:街道|镇|乡)");
    private static final Pattern ROAD = Pattern.compile(
            "[\\p{IsHan}A-Za-z0-9]{1,10}?(?:大道|大街|路|街|巷|弄|胡同|道)(?:[东西南北中]段|[一二三四五六七八九十\\d]+段)?");
    private static final Pattern NUMBER = Pattern.compile(
            "(?:\\d+|[一二三四五六七八九十百]+|[A-Za-z]\\d*)(?:-\\d+)*(?:号院|号楼|号|弄|栋|幢|座|单元|楼|层|室|户|门|期)"
                    + "|\\d+(?:-\\d+){1,2}(?!\\d)");
    private static final Pattern PLACE = Pattern.compile(
            "[\\p{IsHan}A-Za-z0-9]{2,12}?(?:小区|花园|公寓|大厦|广场|中心|大楼|园区|新村|家园|科技园|产业园|工业园|苑|村|城|府|院)");
    private static final Pattern POSTCODE = Pattern.compile("[,，]?\\s*(?:邮编|邮政编码)[:：]?\\s*\\d{6}(?!\\d)");

    /** Where a chain may start besides a province or city name: right after these phrases. */
    private static final Pattern TRIGGER = Pattern.compile(
            "(?:改成|改为|改到|换成|寄到|送到|送至|寄往|发到|转寄到|地址是|地址为|地址[:：]|新地址|收货地址|配送地址|地址改|(?:^|[，,。:：\\s]))\\s*");
    private static final Pattern ANCHOR = Pattern.compile("(?:" + ChineseRegions.PROVINCE_ALT + "|" + ChineseRegions.CITY_ALT + ")");
    private static final Pattern GAZETTEER_CITY = Pattern.compile("(?:" + ChineseRegions.CITY_ALT + ")");

    /** Characters that do not occur in place names but do in sentences around them. */
    private static final Pattern ADMIN_MARKERS = Pattern.compile("[省市区县]");
    private static final Pattern FUNCTION_CHARS = Pattern.compile("[我你他她的了吗呢吧啊是不没要想把就都也还让被知么怎哪什啥呀哦嗯个到寄送改换址]");

    private ChineseAddressReader() {
    }

    static List<Found> findAll(String text) {
        if (text.chars().noneMatch(c -> Texts.isHan((char) c))) {
            return List.of(); // every component ends in a Chinese marker
        }
        List<Integer> starts = new ArrayList<>();
        Matcher a = ANCHOR.matcher(text);
        while (a.find()) {
            starts.add(a.start());
        }
        Matcher t = TRIGGER.matcher(text);
        while (t.find()) {
            starts.add(t.end());
        }
        starts.sort(null);
        List<Found> found = new ArrayList<>();
        int covered = -1;
        for (int s : starts) {
            if (s < covered || s >= text.length() || !Texts.isHan(text.charAt(s)) && !Character.isLetterOrDigit(text.charAt(s))) {
                continue;
            }
            Found f = readChain(text, s);
            if (f != null) {
                found.add(f);
                covered = f.end();
            }
        }
        return found;
    }

    private static Found readChain(String text, int start) {
        List<Component> parts = new ArrayList<>();
        int pos = start;
        boolean streetLevel = false;
        while (pos < text.length()) {
            int p = pos;
            if (!parts.isEmpty()) {
                while (p < text.length() && text.charAt(p) == ' ') {
                    p++;
                }
            }
            Component best = null;
            for (Kind kind : Kind.values()) {
                if (streetLevel && (kind == Kind.PROVINCE || kind == Kind.CITY || kind == Kind.DISTRICT)) {
                    continue;
                }
                if (kind == Kind.PROVINCE && !parts.isEmpty()) {
                    continue;
                }
                Matcher m = pattern(kind).matcher(text).region(p, text.length());
                if (m.lookingAt() && (best == null || m.end() > best.end()) && plausible(kind, m.group())) {
                    best = new Component(kind, m.group(), m.start(), m.end());
                }
            }
            if (best == null) {
                break;
            }
            parts.add(best);
            streetLevel |= best.kind() == Kind.TOWN || best.kind() == Kind.ROAD || best.kind() == Kind.NUMBER
                    || best.kind() == Kind.PLACE;
            pos = best.end();
            if (best.kind() == Kind.POSTCODE) {
                break;
            }
        }
        long admin = parts.stream().filter(c -> c.kind().ordinal() <= Kind.DISTRICT.ordinal()).count();
        boolean street = parts.stream().anyMatch(c -> c.kind() == Kind.ROAD || c.kind() == Kind.NUMBER || c.kind() == Kind.PLACE);
        if (parts.size() < 2 || !(street || admin >= 2)) {
            return null;
        }
        // a trailing postcode keeps its own span (邮编...) inside the address
        return new Found(parts.get(0).start(), parts.get(parts.size() - 1).end(), List.copyOf(parts));
    }

    /**
     * Rejects a generic component (one read by its marker, not from the gazetteer) that contains a function word or
     * that swallows a known place name after its first char ("寄到上海市" is not a city: 上海市 is).
     */
    private static boolean plausible(Kind kind, String s) {
        if (kind == Kind.NUMBER || kind == Kind.POSTCODE || kind == Kind.PROVINCE) {
            return true;
        }
        if (kind == Kind.CITY && GAZETTEER_CITY.matcher(s).matches()) {
            return true;
        }
        if (FUNCTION_CHARS.matcher(s).find() || ADMIN_MARKERS.matcher(s.substring(0, s.length() - 1)).find()) {
            return false; // a road or district name does not hold a function word or another level's marker
        }
        Matcher inner = ANCHOR.matcher(s);
        if (inner.find(1)) {
            return false;
        }
        // "上海浦东新区" is 上海 + 浦东新区, not one district; roads may start with a city's name (南京路)
        return kind == Kind.ROAD || kind == Kind.PLACE || kind == Kind.TOWN || !inner.reset().lookingAt();
    }

    private static Pattern pattern(Kind kind) {
        return switch (kind) {
            case PROVINCE -> PROVINCE;
            case CITY -> CITY;
            case DISTRICT -> DISTRICT;
            case TOWN -> TOWN;
            case ROAD -> ROAD;
            case NUMBER -> NUMBER;
            case PLACE -> PLACE;
            case POSTCODE -> POSTCODE;
        };
    }
}
