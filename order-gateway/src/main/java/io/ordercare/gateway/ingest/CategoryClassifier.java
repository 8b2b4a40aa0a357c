package io.ordercare.gateway.ingest;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Puts an item into one of the suite's handling categories ({@value #FRESH}, {@value #LARGE_APPLIANCE},
 * {@value #APPAREL}, {@value #DIGITAL}, {@value #GENERAL}) from the platform's category or product type and the
 * product name, by Chinese and English keywords. The platform's own category wins over the name.
 */
public final class CategoryClassifier {

    public static final String FRESH = "fresh";
    public static final String LARGE_APPLIANCE = "large_appliance";
    public static final String APPAREL = "apparel";
    public static final String DIGITAL = "digital";
    public static final String GENERAL = "general";

    private static final Pattern NON_LETTERS = Pattern.compile("[^a-z]+");

    /**
     * Checked in this order, the first match wins: appliances come before apparel because 洗衣机 (washing machine)
     * contains 衣, and apparel keywords are compounds of 衣 because the bare character also names 洗衣液 (detergent).
     */
    private static final List<Keywords> CATEGORIES = List.of(
            new Keywords(LARGE_APPLIANCE,
                    Set.of("冰箱", "冰柜", "洗衣机", "烘干机", "洗碗机", "空调", "电视", "热水器", "油烟机", "燃气灶"),
                    Set.of("refrigerator", "fridge", "freezer", "washer", "washing machine", "dryer", "dishwasher",
                            "air conditioner", "television", "water heater", "range hood")),
            new Keywords(DIGITAL,
                    Set.of("手机", "耳机", "电脑", "平板", "相机", "数码", "智能手表", "充电器", "键盘", "鼠标"),
                    Set.of("phone", "smartphone", "iphone", "headphone", "earphone", "earbud", "laptop", "notebook pc",
                            "tablet", "ipad", "camera", "smartwatch", "charger", "keyboard", "electronics")),
            new Keywords(FRESH,
                    Set.of("生鲜", "水果", "鲜果", "海鲜", "蔬菜", "车厘子", "樱桃", "大闸蟹", "牛排", "三文鱼", "鲜肉", "鸡蛋",
                            "鲜奶"),
                    Set.of("fresh", "fruit", "seafood", "vegetable", "meat", "steak", "salmon", "berries")),
            new Keywords(APPAREL,
                    Set.of("t恤", "衬衫", "衬衣", "卫衣", "毛衣", "上衣", "大衣", "风衣", "内衣", "睡衣", "外套", "羽绒服", "夹克",
                            "连衣裙", "裙", "裤", "服装", "女装", "男装", "童装", "鞋", "袜"),
                    Set.of("shirt", "tee", "dress", "jacket", "coat", "hoodie", "sweater", "jeans", "pants", "trousers",
                            "shorts", "skirt", "sock", "shoe", "sneaker", "apparel", "clothing")));

    /**
     * @param platformCategory the platform's category or product type, e.g. Shopify's {@code product_type}; may be
     *                         null
     * @param productName      the item's title; may be null
     */
    public String classify(String platformCategory, String productName) {
        return match(platformCategory).or(() -> match(productName)).orElse(GENERAL);
    }

    private static Optional<String> match(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String lower = text.toLowerCase(Locale.ROOT);
        // English keywords must match whole words ("dress" is not in "address"), in singular or plural.
        String words = " " + NON_LETTERS.matcher(lower).replaceAll(" ").strip() + " ";
        return CATEGORIES.stream()
                .filter(c -> c.chinese().stream().anyMatch(lower::contains)
                        || c.english().stream().anyMatch(word -> containsWord(words, word)))
                .map(Keywords::category)
                .findFirst();
    }

    private static boolean containsWord(String words, String word) {
        return words.contains(" " + word + " ") || words.contains(" " + word + "s ")
                || words.contains(" " + word + "es ");
    }

    private record Keywords(String category, Set<String> chinese, Set<String> english) {
    }
}
