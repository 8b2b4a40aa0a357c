package io.ordercare.gateway.ingest;

/**
 * A shipping address in one of two layouts.
 * <ul>
 *   <li>{@value #ZH}: country {@code CN}, province / city / district, and the rest of the address in
 *       {@code street}; no {@code line2}.</li>
 *   <li>{@value #WESTERN}: {@code street} and {@code line2} are address lines 1 and 2, {@code province} is the
 *       state or province code, {@code country} an ISO 3166-1 alpha-2 code; no {@code district}.</li>
 * </ul>
 *
 * @param recipientPhone E.164
 */
public record IncomingAddress(
        String format,
        String recipientName,
        String recipientPhone,
        String country,
        String province,
        String city,
        String district,
        String street,
        String line2,
        String postalCode) {

    public static final String ZH = "ZH";
    public static final String WESTERN = "WESTERN";
}
