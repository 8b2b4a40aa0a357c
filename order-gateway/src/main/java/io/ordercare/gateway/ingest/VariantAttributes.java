package io.ordercare.gateway.ingest;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Size and colour of an ordered variant, read from the ways platforms describe a variant. Either may be null.
 */
public record VariantAttributes(String size, String colour) {

    private static final VariantAttributes NONE = new VariantAttributes(null, null);

    private static final Pattern LETTER_SIZE = Pattern.compile(
            "(?i)XXS|XS|S|M|L|XL|XXL|XXXL|[2-6]XL|one size|free size|均码");
    // Chinese apparel sizes name height/chest: 170/88A.
    private static final Pattern HEIGHT_SIZE = Pattern.compile("\\d{3}/\\d{2,3}[A-Z]?");
    // Shoe and waist sizes: 42, 10.5, 32W.
    private static final Pattern NUMERIC_SIZE = Pattern.compile("\\d{1,2}(\\.5)?[WL]?");

    private static final Set<String> COLOUR_WORDS = Set.of(
            "black", "white", "red", "blue", "green", "yellow", "pink", "purple", "orange", "grey", "gray", "brown",
            "navy", "beige", "cream", "ivory", "khaki", "olive", "teal", "maroon", "burgundy", "silver", "gold",
            "charcoal", "heather", "tan", "coral", "mint", "lavender", "turquoise");

    // Label and value; a value runs to the next "label:", a ';' or the end, so it may contain spaces.
    private static final Pattern LABELLED_PAIR = Pattern.compile(
            "([^:：;；\\s]+)[:：]\\s*(.+?)\\s*(?=[;；]|\\s+[^:：;；\\s]+[:：]|$)");

    private static final String SHOPIFY_NO_VARIANT = "Default Title";

    /** Shopify's {@code variant_title}: option values joined by " / ", e.g. {@code M / Red}, without their names. */
    public static VariantAttributes fromOptionValues(String variantTitle) {
        if (variantTitle == null || variantTitle.isBlank() || variantTitle.equals(SHOPIFY_NO_VARIANT)) {
            return NONE;
        }
        String size = null;
        String colour = null;
        for (String value : variantTitle.split("\\s*/\\s*")) {
            String option = value.strip();
            if (size == null && (isSize(option) || NUMERIC_SIZE.matcher(option).matches())) {
                size = option;
            } else if (colour == null && isColour(option)) {
                colour = option;
            }
        }
        return new VariantAttributes(size, colour);
    }

    /** Labelled pairs as Taobao ({@code 颜色分类:红色;尺码:M}) and JD ({@code 颜色:黑色 尺码:XL}) write them. */
    public static VariantAttributes fromLabelledPairs(String properties) {
        if (properties == null || properties.isBlank()) {
            return NONE;
        }
        String size = null;
        String colour = null;
        Matcher pair = LABELLED_PAIR.matcher(properties.strip());
        while (pair.find()) {
            String label = pair.group(1).toLowerCase(Locale.ROOT);
            String value = pair.group(2);
            if (colour == null && (label.contains("颜色") || label.startsWith("colo"))) {
                colour = value;
            } else if (size == null && (label.contains("码") || label.contains("尺寸") || label.equals("size"))) {
                size = value;
            }
        }
        return new VariantAttributes(size, colour);
    }

    /** For platforms that leave the variant in the product name, e.g. {@code 运动T恤 黑色 XL}. */
    public static VariantAttributes fromProductName(String name) {
        if (name == null || name.isBlank()) {
            return NONE;
        }
        String size = null;
        String colour = null;
        for (String word : name.strip().split("\\s+")) {
            if (size == null && isSize(word)) {
                size = word;
            } else if (colour == null && isColour(word)) {
                colour = word;
            }
        }
        return new VariantAttributes(size, colour);
    }

    /** This variant's attributes, each missing one taken from {@code fallback}. */
    public VariantAttributes or(VariantAttributes fallback) {
        return new VariantAttributes(size != null ? size : fallback.size, colour != null ? colour : fallback.colour);
    }

    private static boolean isSize(String word) {
        return LETTER_SIZE.matcher(word).matches() || HEIGHT_SIZE.matcher(word).matches();
    }

    // Chinese colour names end in 色 (红色, 深空灰色); English ones contain a colour word ("Heather Grey").
    private static boolean isColour(String word) {
        if (word.length() >= 2 && word.endsWith("色")) {
            return true;
        }
        for (String part : word.toLowerCase(Locale.ROOT).split("[^a-z]+")) {
            if (COLOUR_WORDS.contains(part)) {
                return true;
            }
        }
        return false;
    }
}
