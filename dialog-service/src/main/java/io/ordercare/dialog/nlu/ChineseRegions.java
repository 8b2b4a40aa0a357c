package io.ordercare.dialog.nlu;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Gazetteer of Chinese provinces (full names), the four municipalities and the larger prefecture-level cities.
 *
 * <p>An address is found by anchoring on one of these names (or on a phrase like 改成/寄到/地址是) and then reading
 * administrative and street components; the list lets "广东深圳南山区..." (no 省/市 suffixes) be split right and
 * normalised to 广东省/深圳市.
 */
final class ChineseRegions {

    /** Short name → full name of every province-level division. */
    static final Map<String, String> PROVINCES = new LinkedHashMap<>();
    /** Short names of the municipalities, whose city is the province. */
    static final List<String> MUNICIPALITIES = List.of("北京", "上海", "天津", "重庆");
    /** Short names of prefecture-level cities that people write without 市. */
    static final List<String> CITIES = List.of("石家庄", "唐山", "秦皇岛", "保定", "廊坊", "邯郸", "太原", "大同", "呼和浩特",
            "包头", "鄂尔多斯", "沈阳", "大连", "鞍山", "长春", "吉林", "哈尔滨", "大庆", "南京", "无锡", "徐州", "常州", "苏州",
            "南通", "扬州", "镇江", "泰州", "盐城", "连云港", "杭州", "宁波", "温州", "嘉兴", "湖州", "绍兴", "金华", "台州",
            "舟山", "合肥", "芜湖", "蚌埠", "福州", "厦门", "泉州", "漳州", "南昌", "赣州", "九江", "济南", "青岛", "烟台",
            "潍坊", "淄博", "临沂", "济宁", "威海", "郑州", "洛阳", "开封", "新乡", "武汉", "宜昌", "襄阳", "长沙", "株洲",
            "湘潭", "岳阳", "广州", "深圳", "珠海", "汕头", "佛山", "东莞", "中山", "惠州", "江门", "湛江", "肇庆", "南宁",
            "桂林", "柳州", "北海", "海口", "三亚", "成都", "绵阳", "宜宾", "贵阳", "遵义", "昆明", "大理", "丽江", "拉萨",
            "西安", "咸阳", "宝鸡", "兰州", "西宁", "银川", "乌鲁木齐", "喀什");

    static {
        String[][] p = { { "北京", "北京市" }, { "上海", "上海市" }, { "天津", "天津市" }, { "重庆", "重庆市" },
                { "河北", "河北省" }, { "山西", "山西省" }, { "辽宁", "辽宁省" }, { "吉林", "吉林省" }, { "黑龙江", "黑龙江省" },
                { "江苏", "江苏省" }, { "浙江", "浙江省" }, { "安徽", "安徽省" }, { "福建", "福建省" }, { "江西", "江西省" },
                { "山东", "山东省" }, { "河南", "河南省" }, { "湖北", "湖北省" }, { "湖南", "湖南省" }, { "广东", "广东省" },
                { "海南", "海南省" }, { "四川", "四川省" }, { "贵州", "贵州省" }, { "云南", "云南省" }, { "陕西", "陕西省" },
                { "甘肃", "甘肃省" }, { "青海", "青海省" }, { "台湾", "台湾省" }, { "内蒙古", "内蒙古自治区" },
                { "广西", "广西壮族自治区" }, { "西藏", "西藏自治区" }, { "宁夏", "宁夏回族自治区" },
                { "新疆", "新疆维吾尔自治区" }, { "香港", "香港特别行政区" }, { "澳门", "澳门特别行政区" } };
        for (String[] e : p) {
            PROVINCES.put(e[0], e[1]);
        }
    }

    /** Regex alternation of province names as they may be written (full name, short name + suffix, short name). */
    static final String PROVINCE_ALT = PROVINCES.entrySet().stream()
            .flatMap(e -> java.util.stream.Stream.of(e.getValue(), e.getKey() + "省", e.getKey() + "市", e.getKey() + "自治区",
                    e.getKey()))
            .distinct().sorted(Comparator.comparingInt(String::length).reversed()).collect(Collectors.joining("|"));

    /** Regex alternation of the gazetteer cities with an optional 市. */
    static final String CITY_ALT = CITIES.stream().distinct().sorted(Comparator.comparingInt(String::length).reversed())
            .map(c -> c + "市?").collect(Collectors.joining("|"));

    private ChineseRegions() {
    }

    /** 上海 / 上海市 → 上海市; 广东 / 广东省 → 广东省; unknown names are returned as written. */
    static String fullProvince(String written) {
        for (Map.Entry<String, String> e : PROVINCES.entrySet()) {
            if (written.equals(e.getKey()) || written.equals(e.getValue()) || written.equals(e.getKey() + "省")
                    || written.equals(e.getKey() + "市") || written.equals(e.getKey() + "自治区")) {
                return e.getValue();
            }
        }
        return written;
    }

    static boolean isMunicipality(String fullProvince) {
        return MUNICIPALITIES.stream().anyMatch(m -> fullProvince.equals(m + "市"));
    }

    /** 深圳 → 深圳市, 深圳市 → 深圳市. */
    static String fullCity(String written) {
        return written.endsWith("市") || written.endsWith("州") && !CITIES.contains(written) || written.endsWith("地区")
                || written.endsWith("盟") ? written : written + "市";
    }
}
