package io.ordercare.gateway.ingest;

/**
 * The person who ordered, as far as the platform reveals them.
 *
 * @param phone           E.164, e.g. {@code +8613812345678}; null when the platform sent none
 * @param platformAccount the account on the platform, prefixed with it: {@code taobao:tb_buyer_1},
 *                        {@code shopify:7390012}, {@code jd:jd_pin_x}
 */
public record IncomingCustomer(String name, String phone, String email, String platformAccount) {
}
