package io.ordercare.dialog.nlu;

/**
 * An address split into its fields; fields that are not in the text are empty strings, never null.
 *
 * @param format     {@code ZH} (province → city → district → street order) or {@code WESTERN} (street first)
 * @param country    ISO 3166 alpha-2 (CN, US, GB, CA ...) or empty when it cannot be told
 * @param province   province, municipality (上海市) or state (CA)
 * @param city       city; for the municipalities 北京/上海/天津/重庆 the same as the province
 * @param district   district or county (浦东新区); empty for Western addresses
 * @param street     Chinese: what follows the district (road, number, building ...); Western: line 1
 * @param line2      Western apartment/suite/unit/floor line; empty for Chinese addresses
 * @param postalCode postal code or ZIP as typed (upper-cased)
 */
public record ParsedAddress(String format, String country, String province, String city, String district,
        String street, String line2, String postalCode) {

    public static final String ZH = "ZH";
    public static final String WESTERN = "WESTERN";
}
