package io.ordercare.dialog.nlu;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AddressParserTest {

    private static ParsedAddress parse(String text) {
        return AddressParser.parse(text).orElseThrow(() -> new AssertionError("no address in " + text));
    }

    @Test
    void municipalityIsBothProvinceAndCity() {
        assertThat(parse("上海市浦东新区世纪大道100号"))
                .isEqualTo(new ParsedAddress("ZH", "CN", "上海市", "上海市", "浦东新区", "世纪大道100号", "", ""));
        assertThat(parse("北京市朝阳区建国路88号"))
                .isEqualTo(new ParsedAddress("ZH", "CN", "北京市", "北京市", "朝阳区", "建国路88号", "", ""));
        assertThat(parse("重庆市渝中区解放碑步行街8号").district()).isEqualTo("渝中区");
        assertThat(parse("天津市和平区南京路189号").street()).isEqualTo("南京路189号");
    }

    @Test
    void provinceCityDistrictStreet() {
        assertThat(parse("广东省深圳市南山区科技园路1号"))
                .isEqualTo(new ParsedAddress("ZH", "CN", "广东省", "深圳市", "南山区", "科技园路1号", "", ""));
        assertThat(parse("浙江省杭州市余杭区文一西路969号"))
                .isEqualTo(new ParsedAddress("ZH", "CN", "浙江省", "杭州市", "余杭区", "文一西路969号", "", ""));
    }

    @Test
    void missingSuffixesAreRestored() {
        assertThat(parse("广东深圳南山区科技园路1号"))
                .isEqualTo(new ParsedAddress("ZH", "CN", "广东省", "深圳市", "南山区", "科技园路1号", "", ""));
        assertThat(parse("上海浦东新区世纪大道100号1502室"))
                .isEqualTo(new ParsedAddress("ZH", "CN", "上海市", "上海市", "浦东新区", "世纪大道100号1502室", "", ""));
    }

    @Test
    void cityWithoutProvinceAndPostcode() {
        assertThat(parse("杭州市西湖区文三路90号 邮编310012"))
                .isEqualTo(new ParsedAddress("ZH", "CN", "", "杭州市", "西湖区", "文三路90号", "", "310012"));
    }

    @Test
    void addressInsideASentence() {
        assertThat(parse("帮我把地址改成上海市徐汇区漕溪北路88号，谢谢").street()).isEqualTo("漕溪北路88号");
    }

    @Test
    void usAddress() {
        assertThat(parse("500 Market St, San Francisco, CA 94105"))
                .isEqualTo(new ParsedAddress("WESTERN", "US", "CA", "San Francisco", "", "500 Market St", "", "94105"));
        assertThat(parse("350 Fifth Avenue, Apt 4B, New York, NY 10118, USA"))
                .isEqualTo(new ParsedAddress("WESTERN", "US", "NY", "New York", "", "350 Fifth Avenue", "Apt 4B", "10118"));
        assertThat(parse("77 massachusetts ave, cambridge, ma 02139"))
                .isEqualTo(new ParsedAddress("WESTERN", "US", "MA", "cambridge", "", "77 massachusetts ave", "", "02139"));
    }

    @Test
    void ukAddress() {
        assertThat(parse("221B Baker Street, London NW1 6XE"))
                .isEqualTo(new ParsedAddress("WESTERN", "GB", "", "London", "", "221B Baker Street", "", "NW1 6XE"));
        assertThat(parse("Flat 3, 10 Downing Street, London SW1A 2AA").postalCode()).isEqualTo("SW1A 2AA");
    }

    @Test
    void westernWithoutPostalCodeHasNoCountry() {
        assertThat(parse("742 Evergreen Terrace, Springfield"))
                .isEqualTo(new ParsedAddress("WESTERN", "", "", "Springfield", "", "742 Evergreen Terrace", "", ""));
        assertThat(parse("1 Main Street, Toronto, Canada").country()).isEqualTo("CA");
    }

    @Test
    void notAnAddress() {
        assertThat(AddressParser.parse("where is my order")).isEmpty();
        assertThat(AddressParser.parse("我的订单到哪了")).isEmpty();
        assertThat(AddressParser.parse("I have 3 pieces on the way")).isEmpty();
        assertThat(AddressParser.parse("")).isEmpty();
        assertThat(AddressParser.parse(null)).isEmpty();
    }
}
