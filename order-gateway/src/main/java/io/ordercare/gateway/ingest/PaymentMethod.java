package io.ordercare.gateway.ingest;

/** The payment methods an incoming order can name; {@link IncomingPayment#method()} holds one by name. */
public enum PaymentMethod {
    CARD,
    ALIPAY,
    WECHAT_PAY,
    /** Cash on delivery: nothing is charged before the parcel arrives. */
    COD,
    PAYPAL,
    /** JD's own checkout (京东支付), which is all the JD order reveals of an online payment. */
    JD_PAY,
    OTHER
}
