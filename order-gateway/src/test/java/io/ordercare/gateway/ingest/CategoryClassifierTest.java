package io.ordercare.gateway.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CategoryClassifierTest {

    private final CategoryClassifier classifier = new CategoryClassifier();

    @ParameterizedTest(name = "{0} / {1} -> {2}")
    @CsvSource({
            ", 智利进口车厘子 新鲜水果, fresh",
            ", 舟山海鲜 带鱼段, fresh",
            ", Organic Fruit Box, fresh",
            ", 海尔 501升 对开门冰箱, large_appliance",
            ", 小天鹅 10公斤 滚筒洗衣机, large_appliance",
            ", Samsung Front Load Washer, large_appliance",
            ", 纯棉短袖T恤, apparel",
            ", 高腰牛仔裤, apparel",
            ", Summer Floral Dresses, apparel",
            ", 华为 Mate 70 手机, digital",
            ", 蓝牙耳机 降噪, digital",
            ", 15-inch Laptop Sleeve, digital",
            ", 蓝月亮 洗衣液 3kg, general",
            ", Return Address Labels, general",
            ", Stainless Steel Water Bottle, general",
            "T-Shirts, Classic Crew, apparel",
            "Headphones, Aurora, digital",
            "Apparel, Phone Pouch Crossbody, apparel"})
    void classifiesByPlatformCategoryThenName(String platformCategory, String name, String category) {
        assertThat(classifier.classify(platformCategory, name)).isEqualTo(category);
    }

    @ParameterizedTest(name = "{0} / {1} -> general")
    @CsvSource(nullValues = "null", value = {"null, null", "'', ''", "Misc, Gift Box"})
    void unknownItemsAreGeneral(String platformCategory, String name) {
        assertThat(classifier.classify(platformCategory, name)).isEqualTo("general");
    }
}
