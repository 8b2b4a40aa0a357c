package io.ordercare.gateway.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class VariantAttributesTest {

    @ParameterizedTest(name = "{0} -> {1} / {2}")
    @CsvSource(nullValues = "null", value = {
            "M / Red, M, Red",
            "Heather Grey / XL, XL, Heather Grey",
            "42 / Black, 42, Black",
            "128GB / Midnight, null, null",
            "Default Title, null, null"})
    void readsShopifyOptionValues(String variantTitle, String size, String colour) {
        assertThat(VariantAttributes.fromOptionValues(variantTitle)).isEqualTo(new VariantAttributes(size, colour));
    }

    @ParameterizedTest(name = "{0} -> {1} / {2}")
    @CsvSource(nullValues = "null", value = {
            "颜色分类:红色;尺码:M, M, 红色",
            "颜色:黑色 尺码:XL, XL, 黑色",
            "尺码：170/88A；颜色分类：藏青色, 170/88A, 藏青色",
            "颜色:深空 灰 尺码:L, L, 深空 灰",
            "鞋码:42, 42, null",
            "规格:JJ级 2斤, null, null"})
    void readsLabelledPairs(String properties, String size, String colour) {
        assertThat(VariantAttributes.fromLabelledPairs(properties)).isEqualTo(new VariantAttributes(size, colour));
    }

    @Test
    void findsSizeAndColourWordsInAProductName() {
        assertThat(VariantAttributes.fromProductName("李宁 运动T恤 黑色 XL")).isEqualTo(new VariantAttributes("XL", "黑色"));
    }

    @Test
    void missingAttributesAreTakenFromTheFallback() {
        VariantAttributes colourOnly = new VariantAttributes(null, "黑色");

        assertThat(colourOnly.or(new VariantAttributes("XL", "白色"))).isEqualTo(new VariantAttributes("XL", "黑色"));
    }
}
