package io.ordercare.gateway.order;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/**
 * A structured shipping address. {@code ZH}: province / city / district / street (country CN);
 * {@code WESTERN}: street (line 1) / line2 / city / province (state) / postal code.
 */
@Embeddable
public class ShippingAddress {

    @Column(name = "addr_format")
    public String format;
    @Column(name = "addr_recipient")
    public String recipientName;
    @Column(name = "addr_phone")
    public String recipientPhone;
    @Column(name = "addr_country")
    public String country;
    @Column(name = "addr_province")
    public String province;
    @Column(name = "addr_city")
    public String city;
    @Column(name = "addr_district")
    public String district;
    @Column(name = "addr_street")
    public String street;
    @Column(name = "addr_line2")
    public String line2;
    @Column(name = "addr_postal_code")
    public String postalCode;

    public ShippingAddress copy() {
        ShippingAddress a = new ShippingAddress();
        a.format = format;
        a.recipientName = recipientName;
        a.recipientPhone = recipientPhone;
        a.country = country;
        a.province = province;
        a.city = city;
        a.district = district;
        a.street = street;
        a.line2 = line2;
        a.postalCode = postalCode;
        return a;
    }
}
