package io.ordercare.gateway.inventory;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;

/**
 * The latest stock we were told of for one SKU (fed by {@code inventory.levels}), with the product facts the
 * record carried, if any (name, category, price, size, colour: what substitutes are chosen by).
 */
@Entity
@Table(name = "inventory_level")
public class InventoryLevel extends PanacheEntityBase {

    @Id
    public String sku;
    public int available;
    @Column(name = "restock_eta")
    public LocalDate restockEta;
    @Column(name = "updated_at")
    public Instant updatedAt;
    public String name;
    /** One of the suite's categories in lower case, as on order items (apparel, digital, fresh ...). */
    public String category;
    /** The shop's current price of one unit, in minor units of {@link #currency}; null when not reported. */
    @Column(name = "unit_price_minor")
    public Long unitPriceMinor;
    public String currency;
    public String size;
    public String colour;
}
