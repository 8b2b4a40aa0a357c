package io.ordercare.dialog.campaign;

/** Why a campaign contacts customers; each kind has its call script. */
public enum CampaignKind {
    /** A fresh order read back and confirmed (or corrected, or cancelled). */
    CONFIRMATION("confirmation"),
    /** An item is short: wait, take a substitute or cancel. */
    STOCK_SHORTAGE("stock_shortage"),
    /** An item was sold at a wrong price: the right price with the customer's consent. */
    PRICE_ANOMALY("price_anomaly"),
    /** The parcel is stuck or late: the facts and the options. */
    LOGISTICS("logistics_notice"),
    /** After delivery: a score and a few words. */
    SURVEY("survey");

    private final String script;

    CampaignKind(String script) {
        this.script = script;
    }

    public String script() {
        return script;
    }
}
