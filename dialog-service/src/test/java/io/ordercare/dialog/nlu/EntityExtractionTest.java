package io.ordercare.dialog.nlu;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * Entity rules, every type in both languages: type, normalised value and the span (checked as the offsets of
 * {@code span} in {@code text}; the first occurrence of {@code span} is meant). Rules only: no model is loaded.
 */
class EntityExtractionTest {

    /** A Wednesday. */
    static final LocalDate TODAY = LocalDate.of(2026, 11, 25);

    static List<Entity> extract(String text) {
        return EntityExtractor.extract(Texts.fold(text), TODAY);
    }

    @ParameterizedTest(name = "{0} → {1}={2}")
    @CsvSource(delimiter = '|', textBlock = """
            我的订单298765432101到哪了                                | order_number | 298765432101        | 298765432101
            订单号JD:298765432101现在什么情况                         | order_number | JD:298765432101     | JD:298765432101
            请问#1001这个订单发货没有                                  | order_number | #1001               | #1001
            订单TB:6655443322110的状态                              | order_number | TB:6655443322110    | TB:6655443322110
            订单13912345678怎么还没发                                  | order_number | 13912345678         | 13912345678
            where is my order 298765432101                         | order_number | 298765432101        | 298765432101
            what's the status of order #1001                       | order_number | #1001               | #1001
            order 1001 please                                      | order_number | 1001                | 1001
            can you find my order, it's 202611250001               | order_number | 202611250001        | 202611250001
            我用13800138000下的单                                    | phone        | 13800138000         | 13800138000
            电话改成+86 138 0013 8000                                | phone        | 8613800138000       | +86 138 0013 8000
            固定电话021-12345678                                      | phone        | 02112345678         | 021-12345678
            my number is +1 415 555 0100                           | phone        | 14155550100         | +1 415 555 0100
            call me at (415) 555-0100                              | phone        | 4155550100          | (415) 555-0100
            use +44 20 7946 0958                                   | phone        | 442079460958        | +44 20 7946 0958
            帮我查一下尾号1234的手机下的订单                             | phone_last4  | 1234                | 尾号1234
            手机后四位是5678                                          | phone_last4  | 5678                | 后四位是5678
            the last four digits are 1234                          | phone_last4  | 1234                | last four digits are 1234
            the number ending in 4321                              | phone_last4  | 4321                | ending in 4321
            """)
    void identifiers(String text, String type, String value, String span) {
        assertOne(text, type, value, span);
    }

    @Test
    void aChineseMobileNumberIsNotAnOrderNumber() {
        assertThat(extract("我用13800138000下的单")).extracting(Entity::type).containsExactly("phone");
        assertThat(extract("I ordered with 13800138000")).extracting(Entity::type).containsExactly("phone");
    }

    @ParameterizedTest(name = "{0} → {2}")
    @CsvSource(delimiter = '|', textBlock = """
            帮我把地址改成上海市浦东新区世纪大道100号                       | 上海市浦东新区世纪大道100号
            新地址是广东省深圳市南山区科技园路1号                          | 广东省深圳市南山区科技园路1号
            寄到上海浦东新区世纪大道100号1502室吧                          | 上海浦东新区世纪大道100号1502室
            能改成送到天津市和平区南京路189号吗                            | 天津市和平区南京路189号
            地址改到北京市海淀区中关村大街27号，谢谢                        | 北京市海淀区中关村大街27号
            收件地址改一下，改到杭州市西湖区文三路90号                      | 杭州市西湖区文三路90号
            change the address to 500 Market St, San Francisco, CA 94105 | 500 Market St, San Francisco, CA 94105
            please send it to 221B Baker Street, London NW1 6XE instead  | 221B Baker Street, London NW1 6XE
            deliver to 30 Rockefeller Plaza, New York, NY 10112 please   | 30 Rockefeller Plaza, New York, NY 10112
            ship to 350 Fifth Avenue, Apt 4B, New York, NY 10118, USA    | 350 Fifth Avenue, Apt 4B, New York, NY 10118, USA
            could you change the address to 742 Evergreen Terrace, Springfield | 742 Evergreen Terrace, Springfield
            wrong postcode, should be SW1A 1AA                           | SW1A 1AA
            """)
    void addresses(String text, String span) {
        assertOne(text, "address", span, span);
    }

    @ParameterizedTest(name = "no address in: {0}")
    @CsvSource(delimiter = '|', textBlock = """
            I have 3 pieces on the way
            我不知道3号能不能到
            地址的区写错了
            2 items on the way
            my order is 5 days late
            """)
    void noAddress(String text) {
        assertThat(extract(text)).extracting(Entity::type).doesNotContain("address");
    }

    @ParameterizedTest(name = "{0} → size {1}")
    @CsvSource(delimiter = '|', textBlock = """
            尺码换成XL                                  | XL   | XL
            能不能改成L码                                | L    | L码
            把那双鞋改成42码                              | 42   | 42码
            能改成均码吗                                  | 均码  | 均码
            换成大号的吧                                  | L    | 大号
            收到的衣服太小了，换成2XL                        | XXL  | 2XL
            change the size to XL                       | XL   | XL
            I want a medium instead of a small          | M    | medium
            I ordered the wrong size, change it to size 10 | 10 | 10
            make the jacket a size L                    | L    | L
            swap the large for an extra large please    | XL   | extra large
            """)
    void sizes(String text, String value, String span) {
        assertOne(text, "size", value, span);
    }

    @ParameterizedTest(name = "{0} → colour {1}")
    @CsvSource(delimiter = '|', textBlock = """
            我想把颜色改成黑色                 | 黑色
            把灰色的换成藏青色                 | 藏青色
            颜色改成深蓝色的                  | 深蓝色
            我点错了，要的是黑的               | 黑
            please change the colour to navy blue | navy blue
            I want the red one                | red
            switch to light grey              | light grey
            """)
    void colours(String text, String value) {
        assertOne(text, "colour", value, value);
    }

    @ParameterizedTest(name = "{0} → quantity {1}")
    @CsvSource(delimiter = '|', textBlock = """
            帮我把数量改成3件             | 3 | 3件
            改成三件，谢谢                | 3 | 三件
            数量改为两个                  | 2 | 两个
            我想多买两双袜子              | 2 | 两双
            make it 3 pieces             | 3 | 3 pieces
            can I return 2 items         | 2 | 2 items
            can you update the quantity to two | 2 | two
            I only need one              | 1 | one
            """)
    void quantities(String text, String value, String span) {
        assertOne(text, "quantity", value, span);
    }

    @Test
    void bothQuantitiesOfInsteadOf() {
        assertThat(extract("can I get 2 instead of 3")).extracting(Entity::type, Entity::value, Entity::start, Entity::end)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("quantity", "2", 10, 11),
                        org.assertj.core.groups.Tuple.tuple("quantity", "3", 23, 24));
    }

    @ParameterizedTest(name = "no quantity in: {0}")
    @CsvSource(delimiter = '|', textBlock = """
            我有一个问题
            换成另一个
            I want the black one
            it takes 3 days
            """)
    void noQuantity(String text) {
        assertThat(extract(text)).extracting(Entity::type).doesNotContain("quantity");
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', textBlock = """
            明天能送到吗               | 2026-11-26 | 明天
            后天之前能到吗              | 2026-11-27 | 后天
            12月3日能到吗              | 2026-12-03 | 12月3日
            十二月三号能到吗            | 2026-12-03 | 十二月三号
            周五之前能到吗              | 2026-11-27 | 周五
            下周一之前能到吗            | 2026-11-30 | 下周一
            这周一买的                 | 2026-11-23 | 这周一
            上周五买的衣服              | 2026-11-20 | 上周五
            2026年12月20日前要         | 2026-12-20 | 2026年12月20日
            3号前能到吗                | 2026-12-03 | 3号
            will it get here by Friday | 2026-11-27 | Friday
            can I get it by tomorrow   | 2026-11-26 | tomorrow
            will my package arrive before Dec 3 | 2026-12-03 | Dec 3
            I need it by 2026-12-20    | 2026-12-20 | 2026-12-20
            need it by next Monday     | 2026-11-30 | next Monday
            will it arrive by the 15th | 2026-12-15 | the 15th
            on the 3rd of December     | 2026-12-03 | 3rd of December
            the day after tomorrow     | 2026-11-27 | the day after tomorrow
            """)
    void dates(String text, String value, String span) {
        assertOne(text, "date", value, span);
    }

    @Test
    void monthDayWithoutYearIsTheNearestOne() {
        assertThat(EntityExtractor.extract("1月5日能到吗", LocalDate.of(2026, 12, 20))).extracting(Entity::value)
                .containsExactly("2027-01-05");
        assertThat(EntityExtractor.extract("Dec 20", LocalDate.of(2027, 1, 3))).extracting(Entity::value)
                .containsExactly("2026-12-20");
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', textBlock = """
            我付了¥299，但是显示没付         | 299.00 CNY | ¥299
            多扣了我20元                    | 20.00 CNY  | 20元
            扣了我12.5元运费                 | 12.50 CNY  | 12.5元
            才便宜了十二块五                 | 12.50 CNY  | 十二块五
            降了两百块                      | 200.00 CNY | 两百块
            差了12块5                      | 12.50 CNY  | 12块5
            why was I charged $12.50 extra | 12.50 USD  | $12.50
            two charges of 49.99 dollars   | 49.99 USD  | 49.99 dollars
            the charge of 12.50 USD is wrong | 12.50 USD | 12.50 USD
            it was £1,299.99               | 1299.99 GBP | £1,299.99
            """)
    void amounts(String text, String value, String span) {
        assertOne(text, "amount", value, span);
    }

    @Test
    void entitiesDoNotOverlapAndComeInTextOrder() {
        List<Entity> es = extract("订单298765432101的T恤改成XXL，黑色，2件，明天前送到上海市浦东新区世纪大道100号，电话13800138000");
        assertThat(es).extracting(Entity::type).containsExactly("order_number", "size", "colour", "quantity", "date",
                "address", "phone");
        for (int i = 1; i < es.size(); i++) {
            assertThat(es.get(i).start()).isGreaterThanOrEqualTo(es.get(i - 1).end());
        }
    }

    private static void assertOne(String text, String type, String value, String span) {
        List<Entity> found = extract(text).stream().filter(e -> e.type().equals(type) && e.value().equals(value)).toList();
        assertThat(found).as("%s=%s in '%s' (found %s)", type, value, text, extract(text)).hasSize(1);
        Entity e = found.get(0);
        int start = text.indexOf(span);
        assertThat(start).as("span '%s' in '%s'", span, text).isGreaterThanOrEqualTo(0);
        assertThat(e.start()).as("start").isEqualTo(start);
        assertThat(e.end()).as("end").isEqualTo(start + span.length());
    }
}
